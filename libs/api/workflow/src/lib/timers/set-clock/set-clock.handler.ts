import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError, CLOCK, EVENT_STORE, MANUAL_CLOCK_STREAM, ManualClock, type Clock, type ManualClockSetData } from '@banjie/api-core';
import type { EventStore } from '@banjie/event-store';
import { TimerScheduler } from '../timer-scheduler/timer-scheduler';
import { SetClockCommand } from './set-clock.command';

@CommandHandler(SetClockCommand)
export class SetClockHandler implements ICommandHandler<SetClockCommand> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scheduler: TimerScheduler,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ now, setBy }: SetClockCommand): Promise<{ now: string; firedTimers: number }> {
    if (!(this.clock instanceof ManualClock)) throw ApiError.notFound('The test clock (start with BANJIE_CLOCK=manual)');
    const instant = new Date(now).toISOString();
    // Recorded before it moves: a restart starts the clock from the last recorded setting.
    const data: ManualClockSetData = { now: instant, setBy };
    await this.store.append(MANUAL_CLOCK_STREAM, [{ type: 'ManualClockSet', data }], { expected: 'any' });
    this.clock.set(instant);
    const firedTimers = await this.scheduler.fireDue();
    return { now: this.clock.now(), firedTimers };
  }
}
