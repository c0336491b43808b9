import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CaseEventView, CaseStatus, CaseSummary, CaseView, EvaluationRequest, StartCaseRequest, VerifyView } from '@banjie/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from './api-paths';
import { getPage, type ListPage } from './list-page';

/** Filters and sort of the case list (`GET /api/cases`); empty fields do not filter. */
export interface CaseFilter {
  zoneId?: string;
  status?: CaseStatus;
  definitionKey?: string;
  businessKey?: string;
  /** User id of who started the case. */
  applicant?: string;
  warning?: 'yellow' | 'red';
  /** `YYYY-MM-DD`, a day in Beijing time, inclusive. */
  startedFrom?: string;
  /** `YYYY-MM-DD`, a day in Beijing time, inclusive. */
  startedTo?: string;
  sort?: 'newest' | 'due';
}

/** Cases: start one, list them, read one with its events, rate one. */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  /** Cases of the caller's zone matching the filter (the first page). */
  list(filter: CaseFilter = {}): Observable<CaseSummary[]> {
    return this.http.get<CaseSummary[]>(`${API_ROOT}/cases`, { params: filterParams(filter) });
  }

  /** One page of the cases matching the filter: the first, or the one after `cursor` (`nextCursor` of the page before). */
  page(filter: CaseFilter, cursor?: string | null, limit?: number): Observable<ListPage<CaseSummary>> {
    const params = filterParams(filter);
    return getPage<CaseSummary>(this.http, `${API_ROOT}/cases`, limit ? params.set('limit', limit) : params, cursor);
  }

  /** The case as it stands now. */
  get(caseId: string): Observable<CaseView> {
    return this.http.get<CaseView>(`${API_ROOT}/cases/${encodeURIComponent(caseId)}`);
  }

  /** Starts a case of a deployed definition. */
  start(request: StartCaseRequest): Observable<CaseView> {
    return this.http.post<CaseView>(`${API_ROOT}/cases`, request);
  }

  /** The applicant rates the service of the case (好差评), once. */
  evaluate(caseId: string, request: EvaluationRequest): Observable<unknown> {
    return this.http.post(`${API_ROOT}/cases/${encodeURIComponent(caseId)}/evaluation`, request);
  }

  /** Every event of the case, oldest first. */
  events(caseId: string): Observable<CaseEventView[]> {
    return this.http.get<CaseEventView[]>(`${API_ROOT}/cases/${encodeURIComponent(caseId)}/events`);
  }

  /** Re-computes the case's hash chain on the server against its anchored head: intact, or the first broken revision. */
  verify(caseId: string): Observable<VerifyView> {
    return this.http.get<VerifyView>(`${API_ROOT}/cases/${encodeURIComponent(caseId)}/verify`);
  }
}

function filterParams(filter: CaseFilter): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value) params = params.set(name, value);
  }
  return params;
}
