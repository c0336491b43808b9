import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { ErrorDetail } from '@banjie/contracts';
import { AuthSession, UsersApi, toApiProblem, type ApiProblem } from '@banjie/web-data-access';
import { ProblemList } from '@banjie/web-ui';

/** The shortest password the api takes. */
const MIN_LENGTH = 8;

/**
 * 修改密码 Change password, for every signed-in user: the current password and the new one
 * twice. Sessions elsewhere end; this one goes on with the fresh token the api answers.
 */
@Component({
  selector: 'bj-change-password-page',
  imports: [ProblemList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="password-heading">
      <h1 id="password-heading">修改密码 Change password</h1>
      <p class="lead">{{ session.user()?.name }} <code>{{ session.user()?.id }}</code> · 修改后其他设备上的登录将失效。 Other sessions of this user end.</p>
      <form (submit)="submit($event)" novalidate>
        <label>
          <span>当前密码 Current password</span>
          <input name="currentPassword" type="password" autocomplete="current-password" [value]="current()" (input)="current.set(valueOf($event))" required />
        </label>
        <label>
          <span>新密码 New password (≥ {{ minLength }})</span>
          <input name="newPassword" type="password" autocomplete="new-password" [value]="next()" (input)="next.set(valueOf($event))" required [attr.minlength]="minLength" />
        </label>
        <label>
          <span>确认新密码 Repeat new password</span>
          <input name="repeatPassword" type="password" autocomplete="new-password" [value]="repeat()" (input)="repeat.set(valueOf($event))" required />
        </label>
        <bj-problem-list [problems]="checks()" heading="请检查 Please check" />
        @if (problem(); as problem) {
          <p class="error" role="alert">{{ problem.message }}</p>
          <bj-problem-list [problems]="problem.details" heading="服务器拒绝 Refused by the server" />
        }
        @if (done()) {
          <p class="result" role="status">密码已修改 Password changed</p>
        }
        <button type="submit" class="primary" [disabled]="busy()">修改密码 Change password</button>
      </form>
    </section>
  `,
  styles: `
    .card { background: var(--bj-surface); border: 1px solid var(--bj-border); border-radius: var(--bj-radius); padding: 0.75rem; max-width: 28rem; }
    h1 { font-size: 1.15rem; margin: 0 0 0.25rem; }
    .lead { margin: 0 0 0.75rem; color: var(--bj-muted); font-size: 0.85rem; }
    form { display: grid; gap: 0.6rem; }
    label { display: grid; gap: 0.2rem; font-size: 0.85rem; }
    .error { color: var(--bj-red-fg); margin: 0; }
    .result { color: var(--bj-green-fg); background: var(--bj-green-bg); padding: 0.35rem 0.6rem; border-radius: var(--bj-radius); margin: 0; }
    button { justify-self: start; }
  `,
})
export class ChangePasswordPage {
  protected readonly session = inject(AuthSession);
  private readonly usersApi = inject(UsersApi);

  protected readonly minLength = MIN_LENGTH;
  protected readonly current = signal('');
  protected readonly next = signal('');
  protected readonly repeat = signal('');
  protected readonly checks = signal<ErrorDetail[]>([]);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly busy = signal(false);
  protected readonly done = signal(false);

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.done.set(false);
    this.problem.set(null);
    const checks = passwordChecks(this.current(), this.next(), this.repeat());
    this.checks.set(checks);
    if (checks.length > 0) return;
    this.busy.set(true);
    this.usersApi.changePassword({ currentPassword: this.current(), newPassword: this.next() }).subscribe({
      next: (response) => {
        this.session.renew(response);
        this.busy.set(false);
        this.done.set(true);
        this.current.set('');
        this.next.set('');
        this.repeat.set('');
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.problem.set(toApiProblem(failure));
      },
    });
  }
}

/** What is wrong with the three fields before asking the server. */
export function passwordChecks(current: string, next: string, repeat: string): ErrorDetail[] {
  const checks: ErrorDetail[] = [];
  if (current.length === 0) checks.push({ field: 'currentPassword', message: '请输入当前密码 Enter the current password' });
  if (next.length < MIN_LENGTH) checks.push({ field: 'newPassword', message: `新密码至少 ${MIN_LENGTH} 个字符 The new password needs at least ${MIN_LENGTH} characters` });
  if (next !== repeat) checks.push({ field: 'repeatPassword', message: '两次输入的新密码不一致 The two new passwords differ' });
  return checks;
}
