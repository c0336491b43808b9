import { Injectable } from '@nestjs/common';
import { ProjectionRunner } from '@banjie/api-projections';
import { CalendarBook } from './calendar/calendar-book';
import { JobWorkers } from './jobs/job-workers/job-workers';
import { TimerScheduler } from './timers/timer-scheduler/timer-scheduler';

/**
 * Starts the api's background work in order: the calendars load (every command counts on them),
 * read models catch up, calendar changes a crash left unfinished are completed, then job workers
 * and the timer scheduler (with the timer starts).
 */
@Injectable()
export class WorkflowRuntime {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly jobWorkers: JobWorkers,
    private readonly timers: TimerScheduler,
    private readonly calendars: CalendarBook,
  ) {}

  async start(): Promise<void> {
    await this.calendars.start();
    await this.projections.start();
    await this.calendars.afterCatchUp();
    this.jobWorkers.start();
    await this.timers.start();
  }
}
