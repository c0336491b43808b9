import type { EventStore, RecordedEvent, SubscribeOptions } from '../lib/port';

/** What a subscription delivered: events before and after its single `caughtUp`. */
export interface SubscriptionLog {
  beforeCaughtUp: RecordedEvent[];
  afterCaughtUp: RecordedEvent[];
  caughtUpCount: number;
  caughtUpPosition: string | undefined;
}

/**
 * Runs `subscribeToAll` in the background for contract tests: `caughtUp` resolves when the
 * subscription reports it, `until` waits until a number of live events arrived, `stop` aborts.
 */
export function probeSubscription(store: EventStore, options: Omit<SubscribeOptions, 'signal'>) {
  const controller = new AbortController();
  const log: SubscriptionLog = { beforeCaughtUp: [], afterCaughtUp: [], caughtUpCount: 0, caughtUpPosition: undefined };
  const waiters: (() => void)[] = [];
  const wakeAll = () => waiters.splice(0).forEach((wake) => wake());
  let failure: unknown;
  const finished = (async () => {
    try {
      for await (const item of store.subscribeToAll({ ...options, signal: controller.signal })) {
        if (item.kind === 'caughtUp') {
          log.caughtUpCount++;
          log.caughtUpPosition = item.position;
        } else (log.caughtUpCount === 0 ? log.beforeCaughtUp : log.afterCaughtUp).push(item.event);
        wakeAll();
      }
    } catch (error) {
      failure = error;
    } finally {
      wakeAll();
    }
  })();

  async function waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (failure) throw failure;
      if (Date.now() > deadline) throw new Error(`subscription did not deliver in ${timeoutMs} ms (${JSON.stringify(summary())})`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  function summary() {
    return { before: log.beforeCaughtUp.length, after: log.afterCaughtUp.length, caughtUp: log.caughtUpCount };
  }

  return {
    log,
    caughtUp: (timeoutMs = 10_000) => waitFor(() => log.caughtUpCount > 0, timeoutMs),
    until: (liveEvents: number, timeoutMs = 20_000) => waitFor(() => log.afterCaughtUp.length >= liveEvents, timeoutMs),
    async stop(): Promise<void> {
      controller.abort();
      await finished;
      if (failure) throw failure;
    },
  };
}
