import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CaseEventView, CaseStatus, CaseSummary, CaseView, StartCaseRequest } from '@banjie/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from './api-paths';

/** Filters of the case list; empty fields do not filter. */
export interface CaseFilter {
  status?: CaseStatus;
  definitionKey?: string;
  businessKey?: string;
}

/** Cases: start one, list them, read one with its events. */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  /** Cases of the caller's zone matching the filter. */
  list(filter: CaseFilter = {}): Observable<CaseSummary[]> {
    let params = new HttpParams();
    for (const [name, value] of Object.entries(filter)) {
      if (value) params = params.set(name, value);
    }
    return this.http.get<CaseSummary[]>(`${API_ROOT}/cases`, { params });
  }

  /** The case as it stands now. */
  get(caseId: string): Observable<CaseView> {
    return this.http.get<CaseView>(`${API_ROOT}/cases/${encodeURIComponent(caseId)}`);
  }

  /** Starts a case of a deployed definition. */
  start(request: StartCaseRequest): Observable<CaseView> {
    return this.http.post<CaseView>(`${API_ROOT}/cases`, request);
  }

  /** Every event of the case, oldest first. */
  events(caseId: string): Observable<CaseEventView[]> {
    return this.http.get<CaseEventView[]>(`${API_ROOT}/cases/${encodeURIComponent(caseId)}/events`);
  }
}
