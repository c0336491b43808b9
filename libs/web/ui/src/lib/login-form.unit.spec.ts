import { TestBed } from '@angular/core/testing';
import type { LoginRequest } from '@banjie/contracts';
import { LoginForm } from './login-form';

describe('LoginForm', () => {
  it('emits the credentials typed', async () => {
    // given
    const fixture = TestBed.createComponent(LoginForm);
    const emitted: LoginRequest[] = [];
    fixture.componentInstance.signIn.subscribe((credentials) => emitted.push(credentials));
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;

    // when
    for (const [name, value] of [['username', ' lf-clerk '], ['password', 'banjie']]) {
      const input = host.querySelector(`input[name=${name}]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    await fixture.whenStable();
    (host.querySelector('button[type=submit]') as HTMLButtonElement).click();

    // then
    expect(emitted).toEqual([{ username: 'lf-clerk', password: 'banjie' }]);
  });

  it('shows the error of the last attempt', async () => {
    // given
    const fixture = TestBed.createComponent(LoginForm);
    fixture.componentRef.setInput('error', '用户名或密码错误');

    // when
    await fixture.whenStable();

    // then
    expect((fixture.nativeElement as HTMLElement).querySelector('[role=alert]')?.textContent).toBe('用户名或密码错误');
  });
});
