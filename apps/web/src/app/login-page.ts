import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginRequest } from '@banjie/contracts';
import { AuthSession, toApiProblem } from '@banjie/web-data-access';
import { LoginForm } from '@banjie/web-ui';

/** The sign-in page: on success it returns to the page that asked for it, or the user's landing page. */
@Component({
  selector: 'bj-login-page',
  imports: [LoginForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card">
      <h1>办结 <small>Banjie</small></h1>
      <p class="lead">开发区审批服务 Development-zone approvals</p>
      <bj-login-form [busy]="busy()" [error]="error()" (signIn)="signIn($event)" />
    </section>
  `,
  styles: `
    :host { display: grid; place-items: center; min-height: 70vh; }
    .card { width: 20rem; background: var(--bj-surface); border: 1px solid var(--bj-border); border-radius: var(--bj-radius); padding: 1.5rem; }
    h1 { margin: 0; font-size: 1.4rem; }
    small { font-weight: 400; color: var(--bj-muted); font-size: 0.9rem; }
    .lead { color: var(--bj-muted); font-size: 0.85rem; margin: 0.25rem 0 1rem; }
  `,
})
export class LoginPage {
  /** Where to go after signing in (from the `returnUrl` query parameter). */
  readonly returnUrl = input<string>();

  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected signIn(credentials: LoginRequest): void {
    this.busy.set(true);
    this.error.set(null);
    this.session.login(credentials).subscribe({
      next: () => void this.router.navigateByUrl(this.safeReturnUrl()),
      error: (failure: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(failure);
        this.error.set(problem.status === 401 ? '用户名或密码错误 Wrong username or password' : problem.message);
      },
    });
  }

  private safeReturnUrl(): string {
    const target = this.returnUrl();
    return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
  }
}
