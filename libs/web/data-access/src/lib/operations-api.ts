import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CaseView, IncidentView, SetVariablesRequest } from '@banjie/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from './api-paths';
import { getAllPages } from './list-page';

/** Repairs of stuck cases (运维 Operations): the open incidents, their variables, retry and cancel. */
@Injectable({ providedIn: 'root' })
export class OperationsApi {
  private readonly http = inject(HttpClient);

  /** The open incidents of the caller's zone (province-wide callers: every zone, or `zoneId`). */
  incidents(zoneId?: string): Observable<IncidentView[]> {
    const params = zoneId ? new HttpParams().set('zoneId', zoneId) : new HttpParams();
    return getAllPages<IncidentView>(this.http, `${API_ROOT}/incidents`, params);
  }

  /** Sets (merges) variables on the case, or on one of its active scopes. */
  setVariables(caseId: string, request: SetVariablesRequest): Observable<CaseView> {
    return this.http.post<CaseView>(`${API_ROOT}/cases/${encodeURIComponent(caseId)}/variables`, request);
  }

  /** Resolves the incident: the step it interrupted runs again. */
  retry(incidentId: string): Observable<CaseView> {
    return this.http.post<CaseView>(`${API_ROOT}/incidents/${encodeURIComponent(incidentId)}/resolve`, {});
  }

  /** Cancels an active case, with the reason on record. */
  cancelCase(caseId: string, reason: string): Observable<CaseView> {
    return this.http.post<CaseView>(`${API_ROOT}/cases/${encodeURIComponent(caseId)}/cancel`, { reason });
  }
}
