import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import type { LoginRequest } from '@banjie/contracts';

/** The sign-in form: username and password, with the last error and a busy state. */
@Component({
  selector: 'bj-login-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (submit)="submit($event)" class="login">
      <label>
        用户名 Username
        <input name="username" autocomplete="username" required [value]="username()" (input)="username.set(valueOf($event))" />
      </label>
      <label>
        密码 Password
        <input name="password" type="password" autocomplete="current-password" required [value]="password()" (input)="password.set(valueOf($event))" />
      </label>
      @if (error(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
      <button type="submit" class="primary" [disabled]="busy() || !username() || !password()">登录 Sign in</button>
    </form>
  `,
  styles: `
    .login { display: grid; gap: 0.75rem; }
    label { display: grid; gap: 0.25rem; font-size: 0.85rem; color: var(--bj-muted); }
    .error { margin: 0; color: var(--bj-red-fg); font-size: 0.85rem; }
  `,
})
export class LoginForm {
  /** The message of the last failed attempt. */
  readonly error = input<string | null>(null);
  /** Disables the form while a sign-in is under way. */
  readonly busy = input(false);
  /** Emits the credentials entered. */
  readonly signIn = output<LoginRequest>();

  protected readonly username = signal('');
  protected readonly password = signal('');

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.signIn.emit({ username: this.username().trim(), password: this.password() });
  }
}
