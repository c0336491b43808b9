import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CorrelateMessageRequest } from '@banjie/contracts';
import { Observable } from 'rxjs';
import { API_ROOT } from './api-paths';

/** What `POST /api/messages` answers: the cases the message reached (or started). */
export interface CorrelationOutcome {
  caseIds: string[];
}

/** Messages to waiting cases, such as the applicant's supplement (补正). */
@Injectable({ providedIn: 'root' })
export class MessagesApi {
  private readonly http = inject(HttpClient);

  /** Sends a message to the cases that wait for it under the correlation key; `404` when none waits. */
  correlate(request: CorrelateMessageRequest): Observable<CorrelationOutcome> {
    return this.http.post<CorrelationOutcome>(`${API_ROOT}/messages`, request);
  }
}
