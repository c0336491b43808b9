import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, InjectionToken, inject } from '@angular/core';
import type { SseTicketResponse } from '@banjie/contracts';
import { EMPTY, Observable, defer, retry, switchMap, timer } from 'rxjs';
import { API_ROOT } from './api-paths';

/** Longest wait between two reconnections (the wait doubles from 1 s after each failed one). */
const RECONNECT_MAX_MS = 30_000;

/** Opens a Server-Sent Events connection; replaced in tests, where jsdom has no `EventSource`. */
export type EventSourceFactory = (url: string) => EventSource;

/** How live streams open their connection (the browser's `EventSource` by default). */
export const EVENT_SOURCE_FACTORY = new InjectionToken<EventSourceFactory>('EVENT_SOURCE_FACTORY', {
  providedIn: 'root',
  factory: () => (url: string) => new EventSource(url),
});

/**
 * One message of a live stream: the case event's `type`, and the parsed data, which is the event
 * as `GET /api/cases/:id/events` shows it (raw text, typed `message`, if not JSON).
 */
export interface LiveMessage {
  type: string;
  data: unknown;
}

/**
 * Any of the api's live streams (`GET /api/cases/:id/live`, `GET /api/zones/:zoneId/live`).
 * `EventSource` cannot send headers, and the access token must not sit in a URL, so each
 * connection opens with a fresh single-use ticket (`POST /api/auth/sse-ticket`). A used ticket
 * cannot reconnect, so after a drop the stream closes the source and connects again with a new
 * ticket, backing off from 1 s to 30 s, and `lastEventId` so the server resumes after the last
 * event seen. Every event is a plain SSE message (no `event:` name), so `onmessage` hears them
 * all, whatever types the engine adds. The stream ends quietly when the ticket or the stream is
 * refused (signed out, case or zone gone).
 */
@Injectable({ providedIn: 'root' })
export class LiveStream {
  private readonly http = inject(HttpClient);
  private readonly openEventSource = inject(EVENT_SOURCE_FACTORY);

  /** Emits once per new event of the stream at `path` (under the api root), until unsubscribed. */
  open(path: string): Observable<LiveMessage> {
    let lastEventId: string | undefined;
    const connection = defer(() => this.http.post<SseTicketResponse>(`${API_ROOT}/auth/sse-ticket`, {})).pipe(
      switchMap(({ ticket }) => {
        const query = new URLSearchParams({ ticket });
        if (lastEventId !== undefined) query.set('lastEventId', lastEventId);
        return this.messages(`${API_ROOT}${path}?${query}`, (id) => (lastEventId = id));
      }),
    );
    return connection.pipe(
      retry({
        delay: (error: unknown, attempt: number) => (isRefusal(error) ? EMPTY : timer(Math.min(1000 * 2 ** (attempt - 1), RECONNECT_MAX_MS))),
        resetOnSuccess: true,
      }),
    );
  }

  /** One connection: its messages, then an error when it drops. */
  private messages(url: string, seen: (lastEventId: string) => void): Observable<LiveMessage> {
    return new Observable<LiveMessage>((subscriber) => {
      const source = this.openEventSource(url);
      source.onmessage = (message: MessageEvent<string>) => {
        if (message.lastEventId) seen(message.lastEventId);
        const data = parseData(message.data);
        subscriber.next({ type: typeOf(data) ?? message.type, data });
      };
      // The browser would retry with the used ticket; close it and let `open` connect anew.
      source.onerror = () => subscriber.error(new Error('实时连接中断 The live stream dropped'));
      return () => source.close();
    });
  }
}

function isRefusal(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500;
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
