import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { LoginRequest, LoginResponse, Role, UserView } from '@banjie/contracts';
import { Observable, catchError, map, of, tap } from 'rxjs';
import { API_ROOT } from './api-paths';

const TOKEN_KEY = 'banjie.accessToken';
const USER_KEY = 'banjie.user';

/**
 * The signed-in user of this browser tab: the access token and the user it belongs to, kept in
 * `sessionStorage` so a reload keeps the session and closing the tab ends it.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly http = inject(HttpClient);
  private readonly tokenState = signal<string | null>(sessionStorage.getItem(TOKEN_KEY));
  private readonly userState = signal<UserView | null>(readStoredUser());

  /** The bearer token of the session, or `null` when signed out. */
  readonly token = this.tokenState.asReadonly();
  /** The signed-in user, or `null`. */
  readonly user = this.userState.asReadonly();
  /** Whether a user is signed in. */
  readonly signedIn = computed(() => this.tokenState() !== null);

  /** Signs in with a username and password; on success the session holds the new token. */
  login(credentials: LoginRequest): Observable<UserView> {
    return this.http.post<LoginResponse>(`${API_ROOT}/auth/login`, credentials).pipe(
      tap((response) => this.remember(response)),
      map((response) => response.user),
    );
  }

  /** Goes on with a fresh token and user, e.g. after a password change ended the old token. */
  renew(response: LoginResponse): void {
    this.remember(response);
  }

  /**
   * Signs out: the server revokes this session's token (`POST /api/auth/logout`), then the tab
   * forgets it. The tab forgets it even when the server cannot be reached, so signing out always
   * ends the session here.
   */
  signOut(): Observable<void> {
    if (this.tokenState() === null) return of(undefined);
    return this.http.post<void>(`${API_ROOT}/auth/logout`, {}).pipe(
      catchError(() => of(undefined)),
      map(() => this.logout()),
    );
  }

  /** Ends the session in this tab (the token is dropped without asking the server). */
  logout(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
    this.tokenState.set(null);
    this.userState.set(null);
  }

  /** Whether the signed-in user holds the role. */
  hasRole(role: Role): boolean {
    return this.userState()?.roles.includes(role) ?? false;
  }

  private remember({ accessToken, user }: LoginResponse): void {
    sessionStorage.setItem(TOKEN_KEY, accessToken);
    sessionStorage.setItem(USER_KEY, JSON.stringify(user));
    this.tokenState.set(accessToken);
    this.userState.set(user);
  }
}

function readStoredUser(): UserView | null {
  const stored = sessionStorage.getItem(USER_KEY);
  if (!stored) return null;
  try {
    return JSON.parse(stored) as UserView;
  } catch {
    return null;
  }
}
