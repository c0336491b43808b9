import { Command } from '@nestjs/cqrs';

/** Move the manual test clock (kept as a `ManualClockSet` event, so a restart keeps it); due timers fire at once. */
export class SetClockCommand extends Command<{ now: string; firedTimers: number }> {
  constructor(
    readonly now: string,
    /** The user moving it, recorded in the clock's stream. */
    readonly setBy = 'system',
  ) {
    super();
  }
}
