import type { CommitSignal } from './commit-signal';
import type { ReadAllOptions, RecordedEvent, SubscribeOptions, SubscriptionItem } from './port';

const PAGE_SIZE = 512;

/** What a catch-up subscription needs from its store. */
export interface SubscriptionSource {
  readAll(options: ReadAllOptions): AsyncIterable<RecordedEvent>;
  commits: CommitSignal;
  /** Re-read at least this often even without an in-process signal (writers in other processes). */
  pollIntervalMs?: number;
}

/**
 * `subscribeToAll` for stores that can re-read `$all` by position: catch up page by page from
 * `after`, say `caughtUp` once, then on every commit read on from the last delivered position.
 * Because every read starts at the last delivered position, nothing is skipped or delivered twice.
 */
export async function* catchUpSubscription(source: SubscriptionSource, options: SubscribeOptions = {}): AsyncGenerator<SubscriptionItem> {
  const { signal, filter } = options;
  let last = options.after;
  let caughtUp = false;
  while (!signal?.aborted && !source.commits.isClosed) {
    const nextCommit = source.commits.nextCommit();
    let delivered = PAGE_SIZE;
    while (delivered === PAGE_SIZE && !signal?.aborted) {
      delivered = 0;
      for await (const event of source.readAll({ after: last, maxCount: PAGE_SIZE, filter })) {
        delivered++;
        last = event.position;
        yield { kind: 'event', event };
        if (signal?.aborted) return;
      }
    }
    if (!caughtUp) {
      caughtUp = true;
      yield { kind: 'caughtUp', position: last };
    }
    await waitFor(nextCommit, signal, source.pollIntervalMs);
  }
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
