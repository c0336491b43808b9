import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChangePasswordRequest, CreateUserRequest, LoginResponse, ManagedUserView, UpdateUserRequest, UserView } from '@banjie/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from './api-paths';
import { getAllPages } from './list-page';

/**
 * The users of a zone, as leaders and admins may read them (`GET /api/users`); the users admins
 * manage (create, change, deactivate); and the signed-in user's own password.
 */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  /** The active users of `zoneId` (the caller's zone when left out). */
  list(zoneId?: string): Observable<UserView[]> {
    const params = zoneId ? new HttpParams().set('zoneId', zoneId) : new HttpParams();
    return getAllPages<UserView>(this.http, `${API_ROOT}/users`, params);
  }

  /** Every user of `zoneId`, deactivated ones too (admins; every zone for the province admin when left out). */
  listManaged(zoneId?: string): Observable<ManagedUserView[]> {
    let params = new HttpParams().set('includeInactive', 'true');
    if (zoneId) params = params.set('zoneId', zoneId);
    return getAllPages<ManagedUserView>(this.http, `${API_ROOT}/users`, params);
  }

  /** Creates a user (admins; a zone's admin in its own zone only). */
  create(request: CreateUserRequest): Observable<ManagedUserView> {
    return this.http.post<ManagedUserView>(`${API_ROOT}/users`, request);
  }

  /** Changes a user; `{active: false}` deactivates it and ends its tokens. */
  update(id: string, change: UpdateUserRequest): Observable<ManagedUserView> {
    return this.http.patch<ManagedUserView>(`${API_ROOT}/users/${encodeURIComponent(id)}`, change);
  }

  /** Changes the signed-in user's password; answers a fresh token (earlier ones stop working). */
  changePassword(request: ChangePasswordRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(`${API_ROOT}/auth/password`, request);
  }
}
