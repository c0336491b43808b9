/**
 * The time the engine, the calendar and the timer scheduler read. `system` follows the wall
 * clock; `manual` (BANJIE_CLOCK=manual, for tests and demos) only moves when told to.
 */
export interface Clock {
  readonly mode: 'system' | 'manual';
  /** ISO-8601 instant. */
  now(): string;
}

export const CLOCK = Symbol('Clock');

/** The wall clock. */
export class SystemClock implements Clock {
  readonly mode = 'system' as const;
  now(): string {
    return new Date().toISOString();
  }
}

/** A clock that stands still until `set` moves it (forwards or backwards). */
export class ManualClock implements Clock {
  readonly mode = 'manual' as const;
  private current: string;

  constructor(start: string = new Date().toISOString()) {
    this.current = new Date(start).toISOString();
  }

  now(): string {
    return this.current;
  }

  set(instant: string): void {
    const parsed = new Date(instant);
    if (Number.isNaN(parsed.getTime())) throw new RangeError(`Not an instant: ${instant}`);
    this.current = parsed.toISOString();
  }
}
