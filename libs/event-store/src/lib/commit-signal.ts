/**
 * In-process news that something was committed. Live subscriptions wait on it and then re-read
 * the store from their last delivered position, so a missed or merged signal never loses events.
 */
export class CommitSignal {
  private wake: (() => void) | undefined;
  private next: Promise<void> | undefined;
  private closed = false;

  /** A promise for the next commit (or close); take it before reading so no commit slips between. */
  nextCommit(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.next ??= new Promise<void>((resolve) => (this.wake = resolve));
    return this.next;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    this.next = undefined;
    wake?.();
  }

  close(): void {
    this.closed = true;
    this.notify();
  }
}
