import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { LoginPage } from './login-page';

async function signIn(returnUrl?: string) {
  const fixture = TestBed.createComponent(LoginPage);
  if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
  await fixture.whenStable();
  const host = fixture.nativeElement as HTMLElement;
  for (const [name, value] of [['username', 'lf-clerk'], ['password', 'banjie']]) {
    const input = host.querySelector(`input[name=${name}]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  await fixture.whenStable();
  (host.querySelector('button[type=submit]') as HTMLButtonElement).click();
  return { fixture, host };
}

describe('LoginPage', () => {
  let backend: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  it('goes back to the page that asked for a sign-in', async () => {
    // when
    await signIn('/cases/c-1');
    backend.expectOne('/api/auth/login').flush({ accessToken: 't', user: { id: 'lf-clerk', name: '窗口', roles: ['clerk'], zoneId: 'lf', groups: ['window'] } });

    // then
    expect(navigateByUrl).toHaveBeenCalledWith('/cases/c-1');
  });

  it('never follows a return address to another site, but goes to the user’s landing page', async () => {
    // when
    await signIn('//evil.example/x');
    backend.expectOne('/api/auth/login').flush({ accessToken: 't', user: { id: 'lf-clerk', name: '窗口', roles: ['clerk'], zoneId: 'lf', groups: [] } });

    // then
    expect(navigateByUrl).toHaveBeenCalledWith('/');
  });

  it('says the credentials are wrong on a 401', async () => {
    // given
    const { fixture, host } = await signIn();

    // when
    backend.expectOne('/api/auth/login').flush({ error: 'unauthenticated', message: 'bad credentials' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();

    // then
    expect(host.querySelector('[role=alert]')?.textContent).toContain('用户名或密码错误');
    expect(navigateByUrl).not.toHaveBeenCalled();
  });
});
