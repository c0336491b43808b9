import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { BackgroundWork, CaseCommands, CLOCK, type Clock } from '@banjie/api-core';
import { JobList, ProjectionRunner } from '@banjie/api-projections';
import { caseIdOfStream, decodeCaseEvent, handleCaseEvent, isCaseEventType, type CaseEventHandlers } from '@banjie/engine';
import type { RecordedEvent } from '@banjie/event-store';
import type { Subscription } from 'rxjs';
import { issueCertificateWorker } from './issue-certificate.worker';
import { recordCreditWorker } from './record-credit.worker';
import { registerEnterpriseWorker } from './register-enterprise.worker';
import type { JobWorker, WorkerJob } from './job-worker';

/** The job types the api works in process, and how (the demo seed computes the same results at past instants). */
export const IN_PROCESS_JOB_WORKERS: readonly JobWorker[] = [issueCertificateWorker, registerEnterpriseWorker, recordCreditWorker];

/**
 * The in-process job workers, by job type: when a `JobCreated` of a known type reaches the read
 * models, its worker runs and the job is completed (or failed with the worker's message). Jobs of
 * other types wait for `POST /api/jobs/:id/complete`.
 */
@Injectable()
export class JobWorkers implements OnModuleDestroy {
  private readonly workers = new Map<string, JobWorker>();
  private subscription?: Subscription;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly projections: ProjectionRunner,
    private readonly jobs: JobList,
    private readonly cases: CaseCommands,
    private readonly background: BackgroundWork,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    for (const worker of IN_PROCESS_JOB_WORKERS) this.register(worker);
  }

  register(worker: JobWorker): void {
    this.workers.set(worker.jobType, worker);
  }

  /** Starts working: first the open jobs the read models hold, then each new one. */
  start(): void {
    this.subscription = this.projections.applied$.subscribe((event) => this.onEvent(event));
    for (const job of this.jobs.open()) {
      if (this.workers.has(job.jobType)) this.track(this.run({ jobId: job.id, jobType: job.jobType, caseId: job.caseId, zoneId: job.zoneId, elementId: job.elementId, variables: {}, now: this.clock.now() }));
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    await Promise.allSettled([...this.inFlight]);
  }

  private onEvent(event: RecordedEvent): void {
    const caseId = caseIdOfStream(event.stream);
    if (caseId === undefined || !isCaseEventType(event.type) || !this.handlers[event.type]) return;
    const decoded = decodeCaseEvent(event);
    if (decoded) handleCaseEvent(this.handlers, decoded, { caseId, event });
  }

  /** What the workers do per case event type: a new job of a known type is worked at once. */
  private readonly handlers: CaseEventHandlers<{ caseId: string; event: RecordedEvent }> = {
    JobCreated: (job, { caseId, event }) => {
      if (!this.workers.has(job.jobType)) return;
      const zoneId = event.metadata['zoneId'];
      this.track(this.run({ jobId: job.jobId, jobType: job.jobType, caseId, zoneId: typeof zoneId === 'string' ? zoneId : '', elementId: job.elementId, variables: job.variables ?? {}, now: this.clock.now() }));
    },
  };

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async run(job: WorkerJob): Promise<void> {
    const worker = this.workers.get(job.jobType);
    if (!worker) return;
    let command: { type: 'CompleteJob'; jobId: string; variables: Record<string, unknown> } | { type: 'FailJob'; jobId: string; message: string; retries: number };
    try {
      command = { type: 'CompleteJob', jobId: job.jobId, variables: await worker.work(job) };
    } catch (error) {
      // the in-process workers compute from the job alone, so a retry would fail the same way: an incident at once
      command = { type: 'FailJob', jobId: job.jobId, message: error instanceof Error ? error.message : String(error), retries: 0 };
    }
    // Another replica or a retry completed it first: the engine refuses the second completion, which is fine.
    await this.background.run('job-workers', `${command.type} ${job.jobId} (${job.jobType}) of case ${job.caseId}`, () =>
      this.cases.execute({ caseId: job.caseId, command, causationId: job.jobId }),
    );
  }
}
