import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CaseView, TaskView } from '@banjie/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from './api-paths';
import { getAllPages } from './list-page';

/** Which tasks the inbox lists: assigned to me, or open to one of my groups. */
export type TaskScope = 'mine' | 'candidate' | 'all';

/** The clerk's side of the API: list, claim, release and complete user tasks. */
@Injectable({ providedIn: 'root' })
export class TasksApi {
  private readonly http = inject(HttpClient);

  /** Open tasks in a scope, every page. */
  list(scope: TaskScope, status: 'open' | 'completed' = 'open'): Observable<TaskView[]> {
    const params = new HttpParams().set('scope', scope).set('status', status);
    return getAllPages<TaskView>(this.http, `${API_ROOT}/tasks`, params);
  }

  /** Assigns the task to the signed-in user. */
  claim(taskId: string): Observable<unknown> {
    return this.http.post(`${API_ROOT}/tasks/${encodeURIComponent(taskId)}/claim`, {});
  }

  /** Gives a claimed task back to its candidate groups. */
  unclaim(taskId: string): Observable<unknown> {
    return this.http.post(`${API_ROOT}/tasks/${encodeURIComponent(taskId)}/unclaim`, {});
  }

  /** A leader hands the task to a colleague (`userId`), whoever holds it now. */
  assign(taskId: string, userId: string): Observable<CaseView> {
    return this.http.post<CaseView>(`${API_ROOT}/tasks/${encodeURIComponent(taskId)}/assign`, { userId });
  }

  /** Completes the task with the variables entered, answering the case as it now stands. */
  complete(taskId: string, variables: Record<string, unknown>): Observable<CaseView> {
    return this.http.post<CaseView>(`${API_ROOT}/tasks/${encodeURIComponent(taskId)}/complete`, { variables });
  }
}
