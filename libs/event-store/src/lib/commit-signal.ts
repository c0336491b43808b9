import type { RecordedEvent } from './port';

interface NewestCommit {
  /** The position of the first event, as a number. */
  first: bigint;
  events: RecordedEvent[];
}

/**
 * In-process news that something was committed. Live subscriptions wait on it and then read on
 * from their last delivered position, so a missed or merged signal never loses events.
 * Stores whose positions are consecutive integers also pass the events of each commit, and a
 * subscription standing right before them takes them from here instead of re-reading the store.
 * Only the newest commit is kept: live subscriptions take it within the same turn of the event
 * loop, and one that lags further behind reads the store, so memory stays bounded by one commit.
 */
export class CommitSignal {
  private wake: (() => void) | undefined;
  private next: Promise<void> | undefined;
  private closed = false;
  private newest: NewestCommit | undefined;

  /** A promise for the next commit (or close); take it before reading so no commit slips between. */
  nextCommit(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.next ??= new Promise<void>((resolve) => (this.wake = resolve));
    return this.next;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Wakes the waiting subscriptions. `committed`: the events the commit recorded, in position
   * order (none when it recorded nothing); undefined when the store does not say.
   */
  notify(committed?: RecordedEvent[]): void {
    if (!committed) this.newest = undefined;
    else if (committed.length > 0) this.newest = consecutive(committed);
    const wake = this.wake;
    this.wake = undefined;
    this.next = undefined;
    wake?.();
  }

  /**
   * The events of the newest commit after `position` when it follows on from there without a
   * gap, else undefined (read the store). Every subscription gets the same objects: read-only.
   */
  eventsAfter(position: string | undefined): RecordedEvent[] | undefined {
    if (position === undefined || !this.newest) return undefined;
    const skip = BigInt(position) + 1n - this.newest.first;
    return skip >= 0n && skip < BigInt(this.newest.events.length) ? this.newest.events.slice(Number(skip)) : undefined;
  }

  close(): void {
    this.closed = true;
    this.notify();
  }
}

/** The commit, unless its positions have gaps (then a subscription could not tell where it stands in it). */
function consecutive(events: RecordedEvent[]): NewestCommit | undefined {
  const first = BigInt(events[0].position);
  return BigInt(events[events.length - 1].position) - first === BigInt(events.length - 1) ? { first, events } : undefined;
}
