import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { CaseLiveFeed, EVENT_SOURCE_FACTORY, type CaseLiveMessage } from './case-live-feed';

/** A stand-in for the browser's EventSource, which jsdom lacks: `onmessage` hears plain messages only, as in a browser. */
class FakeEventSource extends EventTarget {
  closed = false;
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  constructor(readonly url: string) {
    super();
  }
  close(): void {
    this.closed = true;
  }
  /** A message as the server sends it: plain (`type` message) or, for a named SSE event, another type. */
  emit(data: string, type = 'message'): void {
    const message = new MessageEvent(type, { data });
    this.dispatchEvent(message);
    if (type === 'message') this.onmessage?.(message);
  }
}

describe('CaseLiveFeed', () => {
  let opened: FakeEventSource[];

  beforeEach(() => {
    opened = [];
    sessionStorage.setItem('banjie.accessToken', 'tok en');
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
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
  });

  it('streams the plain messages of the case, typed by the event they carry, with the token in the query', () => {
    // given
    const received: CaseLiveMessage[] = [];

    // when
    const subscription = TestBed.inject(CaseLiveFeed)
      .watch('c-1')
      .subscribe((message) => received.push(message));
    opened[0].emit('{"type":"TaskCompleted","revision":4}');
    opened[0].emit('{"type":"EngineAddedLater","revision":5}');
    opened[0].emit('plain');
    opened[0].emit('{}', 'NamedEvent');
    subscription.unsubscribe();

    // then
    expect(opened[0].url).toBe('/api/cases/c-1/live?access_token=tok%20en');
    expect(received).toEqual([
      { type: 'TaskCompleted', data: { type: 'TaskCompleted', revision: 4 } },
      { type: 'EngineAddedLater', data: { type: 'EngineAddedLater', revision: 5 } },
      { type: 'message', data: 'plain' },
    ]);
    expect(opened[0].closed).toBe(true);
  });
});
