import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { authInterceptor } from './auth.interceptor';
import { AuthSession } from './auth-session';

describe('authInterceptor', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
  });

  it('sends the bearer token with API calls', () => {
    // given
    sessionStorage.setItem('banjie.accessToken', 'abc');
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);

    // when
    http.get('/api/tasks').subscribe();

    // then
    expect(backend.expectOne('/api/tasks').request.headers.get('Authorization')).toBe('Bearer abc');
  });

  it('sends no token when signed out', () => {
    // given
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);

    // when
    http.get('/api/definitions').subscribe();

    // then
    expect(backend.expectOne('/api/definitions').request.headers.has('Authorization')).toBe(false);
  });

  it('ends the session and goes to the login page on a 401', () => {
    // given
    sessionStorage.setItem('banjie.accessToken', 'expired');
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    let failedWith: number | undefined;

    // when
    http.get('/api/tasks').subscribe({ error: (error: { status: number }) => (failedWith = error.status) });
    backend.expectOne('/api/tasks').flush({ error: 'unauthenticated', message: 'token expired' }, { status: 401, statusText: 'Unauthorized' });

    // then
    expect(failedWith).toBe(401);
    expect(TestBed.inject(AuthSession).signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.objectContaining({ queryParams: expect.any(Object) }));
  });
});
