import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { LoginResponse } from '@banjie/contracts';
import { AuthSession } from './auth-session';

const clerkLogin: LoginResponse = {
  accessToken: 'token-of-lf-clerk',
  user: { id: 'lf-clerk', name: '临汾窗口', roles: ['clerk'], zoneId: 'lf', groups: ['window', 'approval'] },
};

describe('AuthSession', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  });

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('signs a clerk in and keeps the token for the tab', () => {
    // given
    const session = TestBed.inject(AuthSession);
    const http = TestBed.inject(HttpTestingController);
    let signedInAs: string | undefined;

    // when
    session.login({ username: 'lf-clerk', password: 'banjie' }).subscribe((user) => (signedInAs = user.id));
    const request = http.expectOne('/api/auth/login');
    request.flush(clerkLogin);

    // then
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ username: 'lf-clerk', password: 'banjie' });
    expect(signedInAs).toBe('lf-clerk');
    expect(session.signedIn()).toBe(true);
    expect(session.hasRole('clerk')).toBe(true);
    expect(sessionStorage.getItem('banjie.accessToken')).toBe('token-of-lf-clerk');
  });

  it('restores the session after a reload of the tab', () => {
    // given
    sessionStorage.setItem('banjie.accessToken', 'kept-token');
    sessionStorage.setItem('banjie.user', JSON.stringify(clerkLogin.user));

    // when
    const session = TestBed.inject(AuthSession);

    // then
    expect(session.token()).toBe('kept-token');
    expect(session.user()?.name).toBe('临汾窗口');
  });

  it('forgets the token on logout', () => {
    // given
    sessionStorage.setItem('banjie.accessToken', 'kept-token');
    const session = TestBed.inject(AuthSession);

    // when
    session.logout();

    // then
    expect(session.signedIn()).toBe(false);
    expect(sessionStorage.getItem('banjie.accessToken')).toBeNull();
  });

  it('signs out: the server revokes the token, then the tab forgets it', () => {
    // given
    sessionStorage.setItem('banjie.accessToken', 'kept-token');
    sessionStorage.setItem('banjie.user', JSON.stringify(clerkLogin.user));
    const session = TestBed.inject(AuthSession);
    const http = TestBed.inject(HttpTestingController);
    let done = false;

    // when
    session.signOut().subscribe(() => (done = true));
    const request = http.expectOne('/api/auth/logout');
    expect(session.signedIn()).toBe(true);
    request.flush(null, { status: 204, statusText: 'No Content' });

    // then
    expect(request.request.method).toBe('POST');
    expect(done).toBe(true);
    expect(session.signedIn()).toBe(false);
    expect(sessionStorage.getItem('banjie.accessToken')).toBeNull();
  });

  it('signs out in the tab even when the server cannot be reached', () => {
    // given
    sessionStorage.setItem('banjie.accessToken', 'kept-token');
    const session = TestBed.inject(AuthSession);
    const http = TestBed.inject(HttpTestingController);

    // when
    session.signOut().subscribe();
    http.expectOne('/api/auth/logout').flush('down', { status: 503, statusText: 'Service Unavailable' });

    // then
    expect(session.signedIn()).toBe(false);
  });
});
