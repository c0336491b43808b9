import { Command } from '@nestjs/cqrs';

/** Move the manual test clock; due timers fire at once. */
export class SetClockCommand extends Command<{ now: string; firedTimers: number }> {
  constructor(readonly now: string) {
    super();
  }
}
