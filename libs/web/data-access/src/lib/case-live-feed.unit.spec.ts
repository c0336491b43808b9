import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { CaseLiveFeed, EVENT_SOURCE_FACTORY, type CaseLiveMessage } from './case-live-feed';

/** A stand-in for the browser's EventSource, which jsdom lacks. */
class FakeEventSource extends EventTarget {
  closed = false;
  constructor(readonly url: string) {
    super();
  }
  close(): void {
    this.closed = true;
  }
  emit(type: string, data: string): void {
    this.dispatchEvent(new MessageEvent(type, { data }));
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

  it('streams the named case events, and plain messages, with the token in the query', () => {
    // given
    const received: CaseLiveMessage[] = [];

    // when
    const subscription = TestBed.inject(CaseLiveFeed)
      .watch('c-1')
      .subscribe((message) => received.push(message));
    opened[0].emit('TaskCompleted', '{"type":"TaskCompleted","revision":4}');
    opened[0].emit('message', 'plain');
    opened[0].emit('SomethingElse', '{}');
    subscription.unsubscribe();

    // then
    expect(opened[0].url).toBe('/api/cases/c-1/live?access_token=tok%20en');
    expect(received).toEqual([
      { type: 'TaskCompleted', data: { type: 'TaskCompleted', revision: 4 } },
      { type: 'message', data: 'plain' },
    ]);
    expect(opened[0].closed).toBe(true);
  });
});
