import { Injectable } from '@nestjs/common';
import { ProjectionRunner } from '@banjie/api-projections';
import { CalendarBook } from './calendar/calendar-book';
import { JobWorkers } from './jobs/job-workers/job-workers';
import { CaseMessageDispatcher } from './messages/case-message-dispatcher/case-message-dispatcher';
import { TimerScheduler } from './timers/timer-scheduler/timer-scheduler';

/**
 * Starts the api's background work in order: the calendars load (every command counts on them),
 * read models catch up, calendar changes a crash left unfinished are completed, then job workers
 * and the timer scheduler (with the timer starts), and the delivery of messages and signals between cases.
 */
@Injectable()
export class WorkflowRuntime {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly jobWorkers: JobWorkers,
    private readonly timers: TimerScheduler,
    private readonly calendars: CalendarBook,
    private readonly caseMessages: CaseMessageDispatcher,
  ) {}

  /**
   * `beforeBackground`, when given, runs once the calendars and read models are ready and before
   * any job worker, timer or message delivery runs (the demo cases, whose commands carry past instants).
   */
  async start(beforeBackground?: () => Promise<void>): Promise<void> {
    await this.calendars.start();
    await this.projections.start();
    await this.calendars.afterCatchUp();
    if (beforeBackground) await beforeBackground();
    this.jobWorkers.start();
    await this.timers.start();
    this.caseMessages.start();
  }
}
