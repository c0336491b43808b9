import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AuthSession } from '@banjie/web-data-access';
import { ChangePasswordPage, passwordChecks } from './change-password-page';

const planning = { id: 'lf-planning', name: '李娜', roles: ['clerk' as const], zoneId: 'lf' as const, groups: ['planning'] };

function type(host: HTMLElement, name: string, value: string): void {
  const input = host.querySelector<HTMLInputElement>(`input[name=${name}]`);
  if (!input) throw new Error(`no ${name}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('ChangePasswordPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    sessionStorage.setItem('banjie.accessToken', 'old-token');
    sessionStorage.setItem('banjie.user', JSON.stringify(planning));
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('checks the fields before asking the server', () => {
    expect(passwordChecks('', 'short', 'other').map((c) => c.field)).toEqual(['currentPassword', 'newPassword', 'repeatPassword']);
    expect(passwordChecks('banjie', 'planning-2026', 'planning-2026')).toEqual([]);
  });

  it('changes the password and goes on with the fresh token', async () => {
    // given
    const fixture = TestBed.createComponent(ChangePasswordPage);
    const host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();

    // when
    type(host, 'currentPassword', 'banjie');
    type(host, 'newPassword', 'planning-2026');
    type(host, 'repeatPassword', 'planning-2026');
    host.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const request = backend.expectOne({ method: 'POST', url: '/api/auth/password' });
    request.flush({ accessToken: 'new-token', user: planning });
    await fixture.whenStable();

    // then
    expect(request.request.body).toEqual({ currentPassword: 'banjie', newPassword: 'planning-2026' });
    expect(TestBed.inject(AuthSession).token()).toBe('new-token');
    expect(host.querySelector('[role=status]')?.textContent).toContain('密码已修改');
  });

  it('shows a wrong current password as the server names it', async () => {
    // given
    const fixture = TestBed.createComponent(ChangePasswordPage);
    const host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();

    // when
    type(host, 'currentPassword', 'nope');
    type(host, 'newPassword', 'planning-2026');
    type(host, 'repeatPassword', 'planning-2026');
    host.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    backend
      .expectOne({ method: 'POST', url: '/api/auth/password' })
      .flush({ error: 'bad_request', message: 'currentPassword is wrong', details: [{ field: 'currentPassword', message: 'currentPassword is wrong' }] }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();

    // then
    expect(host.querySelector('[role=alert]')?.textContent).toContain('currentPassword is wrong');
    expect(TestBed.inject(AuthSession).token()).toBe('old-token');
  });
});
