import { Injectable } from '@nestjs/common';

/** Appends kept apart for the lag count at most; past this the oldest two are counted as one. */
const MAX_PENDING_APPENDS = 10_000;

/**
 * The newest store position this process appended. Queries wait until the read models reached
 * it, so a caller's list reflects the writes the api already confirmed (read-your-writes). It also
 * counts the events of this process's appends the read models have not applied yet
 * (`banjie_projection_lag_events`), by position and event count, so the count is exact whatever
 * the store's positions are (SQLite's sequence numbers, KurrentDB's commit/prepare log offsets).
 */
@Injectable()
export class WritePositions {
  private newest: string | undefined;
  /** This process's appends not yet known to be projected: the position of each one's last event, and how many events it wrote. */
  private pending: { position: string; events: number }[] = [];

  /** Records an append whose last event is at `position`, of `events` events. */
  record(position: string, events = 1): void {
    if (this.newest === undefined || comparePositions(position, this.newest) > 0) this.newest = position;
    this.pending.push({ position, events });
    if (this.pending.length > MAX_PENDING_APPENDS) {
      const [first, second] = this.pending.splice(0, 2);
      const later = comparePositions(first.position, second.position) > 0 ? first : second;
      this.pending.unshift({ position: later.position, events: first.events + second.events });
    }
  }

  get latest(): string | undefined {
    return this.newest;
  }

  /** How many events this process appended after `projected` (the read models' position); forgets the appends at or before it. */
  unprojected(projected: string | undefined): number {
    if (projected !== undefined) this.pending = this.pending.filter((append) => comparePositions(append.position, projected) > 0);
    return this.pending.reduce((sum, append) => sum + append.events, 0);
  }
}

/**
 * Orders two store positions. Positions are opaque to the port, but every adapter writes them
 * as one or more decimal numbers (`"42"`, `"1024/1024"`), compared part by part.
 */
export function comparePositions(a: string, b: string): number {
  const pa = a.split(/\D+/).filter(Boolean).map(BigInt);
  const pb = b.split(/\D+/).filter(Boolean).map(BigInt);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1n;
    const y = pb[i] ?? -1n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
