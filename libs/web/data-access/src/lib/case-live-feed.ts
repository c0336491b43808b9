import { Injectable, InjectionToken, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { API_ROOT } from './api-paths';
import { AuthSession } from './auth-session';
import { CASE_EVENT_TYPES } from './case-event-types';

/** Opens a Server-Sent Events connection; replaced in tests, where jsdom has no `EventSource`. */
export type EventSourceFactory = (url: string) => EventSource;

/** How the live feed opens its connection (the browser's `EventSource` by default). */
export const EVENT_SOURCE_FACTORY = new InjectionToken<EventSourceFactory>('EVENT_SOURCE_FACTORY', {
  providedIn: 'root',
  factory: () => (url: string) => new EventSource(url),
});

/** One message of a case's live stream: its SSE event name, and its parsed data (or raw text). */
export interface CaseLiveMessage {
  type: string;
  data: unknown;
}

/**
 * The live stream of a case's new events (`GET /api/cases/:id/live`). `EventSource` cannot send
 * headers, so the token travels as `access_token`; the browser reconnects by itself after a drop,
 * sending `Last-Event-ID` so the server resumes after the last event seen. On connecting, the
 * server first replays the case's past events.
 */
@Injectable({ providedIn: 'root' })
export class CaseLiveFeed {
  private readonly session = inject(AuthSession);
  private readonly openEventSource = inject(EVENT_SOURCE_FACTORY);

  /** Emits once per new event of the case, until unsubscribed. */
  watch(caseId: string): Observable<CaseLiveMessage> {
    return new Observable<CaseLiveMessage>((subscriber) => {
      const token = this.session.token() ?? '';
      const url = `${API_ROOT}/cases/${encodeURIComponent(caseId)}/live?access_token=${encodeURIComponent(token)}`;
      const source = this.openEventSource(url);
      const forward = (message: MessageEvent<string>) => subscriber.next({ type: message.type, data: parseData(message.data) });
      source.addEventListener('message', forward);
      for (const type of CASE_EVENT_TYPES) source.addEventListener(type, forward as EventListener);
      return () => source.close();
    });
  }
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
