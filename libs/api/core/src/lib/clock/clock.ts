import { StreamNotFoundError, type EventStore } from '@banjie/event-store';

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

/**
 * The stream that keeps the manual clock across restarts: one `ManualClockSet` per move. A restart
 * with `BANJIE_CLOCK=manual` starts the clock where the last one left it (wall time when none).
 */
export const MANUAL_CLOCK_STREAM = 'clock-manual';

/** Payload of a `ManualClockSet` (version 1): the instant set, and who set it. */
export interface ManualClockSetData {
  now: string;
  setBy: string;
}

/** The instant of the last `ManualClockSet`, or undefined when the clock was never set. */
export async function lastManualClockSetting(store: Pick<EventStore, 'readStream'>): Promise<string | undefined> {
  try {
    for await (const event of store.readStream(MANUAL_CLOCK_STREAM, { direction: 'backwards', maxCount: 1 })) {
      if (event.type === 'ManualClockSet') return (event.data as ManualClockSetData).now;
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
  return undefined;
}
