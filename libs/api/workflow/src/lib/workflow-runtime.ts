import { Injectable } from '@nestjs/common';
import { ProjectionRunner } from '@banjie/api-projections';
import { JobWorkers } from './jobs/job-workers/job-workers';
import { TimerScheduler } from './timers/timer-scheduler/timer-scheduler';

/** Starts the api's background work in order: read models catch up, then job workers and the timer scheduler (with the timer starts). */
@Injectable()
export class WorkflowRuntime {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly jobWorkers: JobWorkers,
    private readonly timers: TimerScheduler,
  ) {}

  async start(): Promise<void> {
    await this.projections.start();
    this.jobWorkers.start();
    await this.timers.start();
  }
}
