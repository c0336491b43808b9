import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ApiError, CaseCommands } from '@banjie/api-core';
import { JobList, ProjectionRunner } from '@banjie/api-projections';
import type { RecordedEvent } from '@banjie/event-store';
import type { Subscription } from 'rxjs';
import { issueCertificateWorker } from './issue-certificate.worker';
import { recordCreditWorker } from './record-credit.worker';
import { registerEnterpriseWorker } from './register-enterprise.worker';
import type { JobWorker, WorkerJob } from './job-worker';

/**
 * The in-process job workers, by job type: when a `JobCreated` of a known type reaches the read
 * models, its worker runs and the job is completed (or failed with the worker's message). Jobs of
 * other types wait for `POST /api/jobs/:id/complete`.
 */
@Injectable()
export class JobWorkers implements OnModuleDestroy {
  private readonly logger = new Logger('JobWorkers');
  private readonly workers = new Map<string, JobWorker>();
  private subscription?: Subscription;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly projections: ProjectionRunner,
    private readonly jobs: JobList,
    private readonly cases: CaseCommands,
  ) {
    this.register(issueCertificateWorker);
    this.register(registerEnterpriseWorker);
    this.register(recordCreditWorker);
  }

  register(worker: JobWorker): void {
    this.workers.set(worker.jobType, worker);
  }

  /** Starts working: first the open jobs the read models hold, then each new one. */
  start(): void {
    this.subscription = this.projections.applied$.subscribe((event) => this.onEvent(event));
    for (const job of this.jobs.open()) {
      if (this.workers.has(job.jobType)) this.track(this.run({ jobId: job.id, jobType: job.jobType, caseId: job.caseId, zoneId: job.zoneId, elementId: job.elementId, variables: {} }));
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    await Promise.allSettled([...this.inFlight]);
  }

  private onEvent(event: RecordedEvent): void {
    if (event.type !== 'JobCreated' || !event.stream.startsWith('case-')) return;
    const data = event.data as Record<string, unknown>;
    const jobType = String(data['jobType']);
    if (!this.workers.has(jobType)) return;
    this.track(
      this.run({
        jobId: String(data['jobId']),
        jobType,
        caseId: event.stream.slice('case-'.length),
        zoneId: String(event.metadata['zoneId'] ?? ''),
        elementId: String(data['elementId']),
        variables: (data['variables'] ?? {}) as Record<string, unknown>,
      }),
    );
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async run(job: WorkerJob): Promise<void> {
    const worker = this.workers.get(job.jobType);
    if (!worker) return;
    let command: { type: 'CompleteJob'; jobId: string; variables: Record<string, unknown> } | { type: 'FailJob'; jobId: string; message: string };
    try {
      command = { type: 'CompleteJob', jobId: job.jobId, variables: await worker.work(job) };
    } catch (error) {
      command = { type: 'FailJob', jobId: job.jobId, message: error instanceof Error ? error.message : String(error) };
    }
    try {
      await this.cases.execute({ caseId: job.caseId, command, causationId: job.jobId });
    } catch (error) {
      // Another replica or a retry completed it first: the engine refuses the second completion.
      if (error instanceof ApiError && (error.code === 'conflict' || error.code === 'not_found')) return;
      this.logger.error(`Job ${job.jobId} (${job.jobType}) could not be completed: ${String(error)}`);
    }
  }
}
