import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { EVENT_SOURCE_FACTORY } from './live-stream';
import { ZoneLiveFeed } from './zone-live-feed';

/** A stand-in for the browser's EventSource, which jsdom lacks. */
class FakeEventSource {
  closed = false;
  onmessage: ((message: MessageEvent<string>) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(readonly url: string) {}
  close(): void {
    this.closed = true;
  }
  emit(event: Record<string, unknown>): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(event) }));
  }
}

describe('ZoneLiveFeed', () => {
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

  it('opens the zone’s stream with a fresh ticket', () => {
    // when
    const subscription = TestBed.inject(ZoneLiveFeed).watch('lf').subscribe();
    http.expectOne('/api/auth/sse-ticket').flush({ ticket: 't1', expiresAt: '2026-12-04T08:01:00.000Z' });
    subscription.unsubscribe();

    // then
    expect(opened[0].url).toBe('/api/zones/lf/live?ticket=t1');
    expect(opened[0].closed).toBe(true);
  });

  it('asks for the task list once after a burst of task events, and not for events that change no task', () => {
    // given
    jest.useFakeTimers();
    let changes = 0;
    const subscription = TestBed.inject(ZoneLiveFeed)
      .taskListChanges('lf')
      .subscribe(() => changes++);
    http.expectOne('/api/auth/sse-ticket').flush({ ticket: 't1', expiresAt: '2026-12-04T08:01:00.000Z' });

    // when a case starts (three task events in a burst), then a variable changes
    opened[0].emit({ caseId: 'c-1', type: 'CaseStarted' });
    opened[0].emit({ caseId: 'c-1', type: 'TaskCreated' });
    opened[0].emit({ caseId: 'c-1', type: 'DeadlineSet' });
    jest.advanceTimersByTime(100);
    opened[0].emit({ caseId: 'c-2', type: 'TaskClaimed' });
    jest.advanceTimersByTime(300);
    const afterBurst = changes;
    opened[0].emit({ caseId: 'c-1', type: 'VariablesSet' });
    jest.advanceTimersByTime(1_000);

    // then
    expect(afterBurst).toBe(1);
    expect(changes).toBe(1);
    subscription.unsubscribe();
  });
});
