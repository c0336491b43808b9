import { Injectable, InjectionToken, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { API_ROOT } from './api-paths';
import { AuthSession } from './auth-session';

/** Opens a Server-Sent Events connection; replaced in tests, where jsdom has no `EventSource`. */
export type EventSourceFactory = (url: string) => EventSource;

/** How the live feed opens its connection (the browser's `EventSource` by default). */
export const EVENT_SOURCE_FACTORY = new InjectionToken<EventSourceFactory>('EVENT_SOURCE_FACTORY', {
  providedIn: 'root',
  factory: () => (url: string) => new EventSource(url),
});

/**
 * One message of a case's live stream: the case event's `type`, and the parsed data, which is
 * the event as `GET /api/cases/:id/events` shows it (raw text, typed `message`, if not JSON).
 */
export interface CaseLiveMessage {
  type: string;
  data: unknown;
}

/**
 * The live stream of a case's new events (`GET /api/cases/:id/live`). `EventSource` cannot send
 * headers, so the token travels as `access_token`; the browser reconnects by itself after a drop,
 * sending `Last-Event-ID` so the server resumes after the last event seen. On connecting, the
 * server first replays the case's past events. Every event is a plain SSE message (no `event:`
 * name), so `onmessage` hears them all, whatever types the engine adds.
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
      source.onmessage = (message: MessageEvent<string>) => {
        const data = parseData(message.data);
        subscriber.next({ type: typeOf(data) ?? message.type, data });
      };
      return () => source.close();
    });
  }
}

function typeOf(data: unknown): string | undefined {
  const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
  return typeof type === 'string' ? type : undefined;
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
