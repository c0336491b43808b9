import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { API_ROOT } from './api-paths';
import { AuthSession } from './auth-session';

/**
 * Adds the session's bearer token to every API call, and on a `401` ends the session and sends
 * the user to the login page, returning to the current page after signing in.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  const token = session.token();
  const isApiCall = request.url.startsWith(API_ROOT);
  const authorised =
    token && isApiCall ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;

  return next(authorised).pipe(
    catchError((error: unknown) => {
      if (isApiCall && error instanceof HttpErrorResponse && error.status === 401 && !request.url.endsWith('/auth/login')) {
        session.logout();
        void router.navigate(['/login'], { queryParams: { returnUrl: router.url } });
      }
      return throwError(() => error);
    }),
  );
};
