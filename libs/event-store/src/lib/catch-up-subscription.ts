import type { CommitSignal } from './commit-signal';
import { matchesFilter } from './event-filter';
import type { ReadAllOptions, RecordedEvent, SubscribeOptions, SubscriptionItem } from './port';

const PAGE_SIZE = 512;

/** What a catch-up subscription needs from its store. */
export interface SubscriptionSource {
  readAll(options: ReadAllOptions): AsyncIterable<RecordedEvent>;
  commits: CommitSignal;
  /** Re-read at least this often even without an in-process signal (writers in other processes). */
  pollIntervalMs?: number;
  /**
   * The store's newest position now (undefined when empty). A filtered subscription reads on from
   * there once it has read everything up to it, instead of from the last event it wanted: else a
   * subscription to rare events (messages, calendar notices) would re-scan the whole store after
   * every commit.
   */
  lastPosition?(): string | undefined;
}

/**
 * `subscribeToAll` for stores that can re-read `$all` by position: catch up page by page from
 * `after`, say `caughtUp` once, then on every commit deliver on from the last delivered position:
 * the events this process just committed when they follow on from it, else what the store holds.
 * Because every delivery starts right after the last delivered position, nothing is skipped or
 * delivered twice.
 */
export async function* catchUpSubscription(source: SubscriptionSource, options: SubscribeOptions = {}): AsyncGenerator<SubscriptionItem> {
  const { signal, filter } = options;
  let last = options.after;
  let caughtUp = false;
  while (!signal?.aborted && !source.commits.isClosed) {
    const nextCommit = source.commits.nextCommit();
    const committed = caughtUp ? source.commits.eventsAfter(last) : undefined;
    if (committed) {
      for (const event of committed) {
        // A position passed over by the filter is still passed: reading on from it skips nothing.
        last = event.position;
        if (!matchesFilter(filter, event.stream, event.type)) continue;
        yield { kind: 'event', event };
        if (signal?.aborted) return;
      }
    } else {
      last = yield* readOn(source, last, options);
      if (signal?.aborted) return;
    }
    if (!caughtUp) {
      caughtUp = true;
      yield { kind: 'caughtUp', position: last };
    }
    await waitFor(nextCommit, signal, source.pollIntervalMs);
  }
}

/** Delivers what the store holds after `after`, page by page; returns the last delivered position. */
async function* readOn(source: SubscriptionSource, after: string | undefined, { signal, filter }: SubscribeOptions): AsyncGenerator<SubscriptionItem, string | undefined> {
  let last = after;
  // taken before reading: every event up to it is read below, so none up to it is wanted and unseen
  const headBefore = filter && source.lastPosition ? source.lastPosition() : undefined;
  let delivered = PAGE_SIZE;
  while (delivered === PAGE_SIZE && !signal?.aborted) {
    delivered = 0;
    for await (const event of source.readAll({ after: last, maxCount: PAGE_SIZE, filter })) {
      delivered++;
      last = event.position;
      yield { kind: 'event', event };
      if (signal?.aborted) return last;
    }
  }
  if (headBefore !== undefined && (last === undefined || BigInt(last) < BigInt(headBefore))) last = headBefore;
  return last;
}

function waitFor(commit: Promise<void>, signal: AbortSignal | undefined, pollIntervalMs: number | undefined): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = pollIntervalMs ? setTimeout(done, pollIntervalMs) : undefined;
    signal?.addEventListener('abort', done, { once: true });
    void commit.then(done);
    function done(): void {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
