import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CaseLiveFeed, type CaseLiveMessage } from './case-live-feed';
import { EVENT_SOURCE_FACTORY } from './live-stream';

/** A stand-in for the browser's EventSource, which jsdom lacks: `onmessage` hears plain messages only, as in a browser. */
class FakeEventSource extends EventTarget {
  closed = false;
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(readonly url: string) {
    super();
  }
  close(): void {
    this.closed = true;
  }
  /** A message as the server sends it: plain (`type` message) or, for a named SSE event, another type. */
  emit(data: string, type = 'message', lastEventId = ''): void {
    const message = new MessageEvent(type, { data, lastEventId });
    this.dispatchEvent(message);
    if (type === 'message') this.onmessage?.(message);
  }
  /** The connection drops (the browser would then retry by itself with the same URL). */
  drop(): void {
    this.onerror?.(new Event('error'));
  }
}

describe('CaseLiveFeed', () => {
  let opened: FakeEventSource[];
  let http: HttpTestingController;

  beforeEach(() => {
    opened = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: EVENT_SOURCE_FACTORY,
          useValue: (url: string) => {
            const source = new FakeEventSource(url);
            opened.push(source);
            return source as unknown as EventSource;
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => jest.useRealTimers());

  /** Answers the pending ticket request with `ticket`. */
  function grantTicket(ticket: string): void {
    const request = http.expectOne('/api/auth/sse-ticket');
    expect(request.request.method).toBe('POST');
    request.flush({ ticket, expiresAt: '2026-12-04T08:01:00.000Z' });
  }

  it('opens the stream with a fresh ticket, never the access token, and streams its plain messages typed by their event', () => {
    // given
    sessionStorage.setItem('banjie.accessToken', 'secret-token');
    const received: CaseLiveMessage[] = [];

    // when
    const subscription = TestBed.inject(CaseLiveFeed)
      .watch('c-1')
      .subscribe((message) => received.push(message));
    grantTicket('t 1');
    opened[0].emit('{"type":"TaskCompleted","revision":4}');
    opened[0].emit('{"type":"EngineAddedLater","revision":5}');
    opened[0].emit('plain');
    opened[0].emit('{}', 'NamedEvent');
    subscription.unsubscribe();

    // then
    expect(opened[0].url).toBe('/api/cases/c-1/live?ticket=t+1');
    expect(opened[0].url).not.toContain('secret-token');
    expect(received).toEqual([
      { type: 'TaskCompleted', data: { type: 'TaskCompleted', revision: 4 } },
      { type: 'EngineAddedLater', data: { type: 'EngineAddedLater', revision: 5 } },
      { type: 'message', data: 'plain' },
    ]);
    expect(opened[0].closed).toBe(true);
  });

  it('after a drop, closes the used connection and resumes after the last event with a new ticket, a second later', () => {
    // given a feed that heard event 4
    jest.useFakeTimers();
    const subscription = TestBed.inject(CaseLiveFeed).watch('c-1').subscribe();
    grantTicket('t1');
    opened[0].emit('{"type":"TaskCompleted","revision":4}', 'message', '4');

    // when the connection drops
    opened[0].drop();
    http.expectNone('/api/auth/sse-ticket');
    jest.advanceTimersByTime(1_000);
    grantTicket('t2');

    // then
    expect(opened[0].closed).toBe(true);
    expect(opened[1].url).toBe('/api/cases/c-1/live?ticket=t2&lastEventId=4');
    subscription.unsubscribe();
  });

  it('ends quietly when the ticket is refused', () => {
    // given
    let completed = false;
    let failed = false;

    // when
    TestBed.inject(CaseLiveFeed)
      .watch('c-1')
      .subscribe({ complete: () => (completed = true), error: () => (failed = true) });
    http.expectOne('/api/auth/sse-ticket').flush({ error: 'unauthenticated', message: 'Sign in first' }, { status: 401, statusText: 'Unauthorized' });

    // then
    expect(completed).toBe(true);
    expect(failed).toBe(false);
    expect(opened).toEqual([]);
  });
});
