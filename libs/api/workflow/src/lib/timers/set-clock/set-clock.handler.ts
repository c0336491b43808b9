import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError, CLOCK, ManualClock, type Clock } from '@banjie/api-core';
import { TimerScheduler } from '../timer-scheduler/timer-scheduler';
import { SetClockCommand } from './set-clock.command';

@CommandHandler(SetClockCommand)
export class SetClockHandler implements ICommandHandler<SetClockCommand> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly scheduler: TimerScheduler,
  ) {}

  async execute({ now }: SetClockCommand): Promise<{ now: string; firedTimers: number }> {
    if (!(this.clock instanceof ManualClock)) throw ApiError.notFound('The test clock (start with BANJIE_CLOCK=manual)');
    this.clock.set(now);
    const firedTimers = await this.scheduler.fireDue();
    return { now: this.clock.now(), firedTimers };
  }
}
