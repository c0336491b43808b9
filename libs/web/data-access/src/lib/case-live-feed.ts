import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { LiveStream, type LiveMessage } from './live-stream';

/** One message of a case's live stream (see `LiveMessage`). */
export type CaseLiveMessage = LiveMessage;

/**
 * The live stream of a case's new events (`GET /api/cases/:id/live`), with a fresh ticket per
 * connection and reconnection with back-off (`LiveStream`). On a first connection the server
 * replays the case's past events.
 */
@Injectable({ providedIn: 'root' })
export class CaseLiveFeed {
  private readonly stream = inject(LiveStream);

  /** Emits once per new event of the case, until unsubscribed. */
  watch(caseId: string): Observable<CaseLiveMessage> {
    return this.stream.open(`/cases/${encodeURIComponent(caseId)}/live`);
  }
}
