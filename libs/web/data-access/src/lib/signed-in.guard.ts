import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { AuthSession } from './auth-session';

/** Lets a signed-in user through; sends anyone else to the login page, then back. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const session = inject(AuthSession);
  if (session.signedIn()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};
