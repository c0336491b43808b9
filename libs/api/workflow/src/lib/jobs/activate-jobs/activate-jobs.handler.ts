import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError, CaseCommands, isProvinceWide } from '@banjie/api-core';
import { JobList, ProjectionRunner } from '@banjie/api-projections';
import type { ActivateJobsView, ActivatedJobView } from '@banjie/contracts';
import type { CaseEvent, EngineEvent } from '@banjie/engine';
import { filter, firstValueFrom, race, timer } from 'rxjs';
import { assertCanSee } from '../../shared/case-access';
import { ActivateJobsCommand } from './activate-jobs.command';

/** Events after which a job may have become activatable: a new job, a failure with retries left, new retries. */
const WAKE_ON: ReadonlySet<string> = new Set(['JobCreated', 'JobRetrying', 'JobRetriesUpdated', 'JobTimedOut']);
/** How often a waiting activation looks again without a wake-up event: back-offs and leases end by the clock. */
const RECHECK_MS = 1_000;
/** Open jobs of the type one round tries at most (some may be leased or backing off). */
const CANDIDATES_PER_ROUND = 200;

/**
 * Activates jobs for an external worker, Zeebe's long poll: each open job of the type in the
 * caller's zone is offered to its case (`ActivateJob`, which refuses a leased, backing-off or
 * incident-held job); as soon as some are taken they are answered, else the request waits for a
 * job event or the next re-check, until `requestTimeout`. Waiting is a timer and an event
 * subscription, never a busy loop.
 */
@CommandHandler(ActivateJobsCommand)
export class ActivateJobsHandler implements ICommandHandler<ActivateJobsCommand> {
  constructor(
    private readonly jobs: JobList,
    private readonly projections: ProjectionRunner,
    private readonly cases: CaseCommands,
  ) {}

  async execute(request: ActivateJobsCommand): Promise<ActivateJobsView> {
    const until = Date.now() + request.requestTimeoutMs;
    await this.projections.catchUp();
    for (;;) {
      const jobs = await this.activateSome(request);
      const left = until - Date.now();
      if (jobs.length > 0 || left <= 0 || request.signal.aborted) return { jobs };
      await this.wake(Math.min(left, RECHECK_MS), request.signal);
    }
  }

  private async activateSome(request: ActivateJobsCommand): Promise<ActivatedJobView[]> {
    const { actor } = request;
    const zoneId = isProvinceWide(actor) ? undefined : actor.zoneId;
    const activated: ActivatedJobView[] = [];
    for (const candidate of this.jobs.openOfType(request.jobType, zoneId, CANDIDATES_PER_ROUND)) {
      if (activated.length >= request.maxJobs || request.signal.aborted) break;
      try {
        const outcome = await this.cases.execute({
          caseId: candidate.caseId,
          actor,
          correlationId: request.correlationId,
          authorize: (header) => assertCanSee(actor, header),
          command: { type: 'ActivateJob', jobId: candidate.id, worker: request.worker, timeoutMs: request.timeoutMs },
        });
        const taken = outcome.events.find(isJobActivated);
        if (!taken) continue;
        activated.push({
          jobKey: taken.data.jobId,
          type: candidate.jobType,
          caseId: candidate.caseId,
          definitionKey: outcome.header.definitionKey,
          version: outcome.header.version,
          elementId: candidate.elementId,
          worker: taken.data.worker,
          retries: taken.data.retries,
          deadline: taken.data.deadline,
          variables: taken.data.variables,
        });
      } catch (error) {
        // leased, backing off, held by an incident, or gone since the read model saw it: not for this worker now
        if (error instanceof ApiError && (error.code === 'conflict' || error.code === 'not_found')) continue;
        throw error;
      }
    }
    return activated;
  }

  /** Resolves at the first job event, after `ms`, or when the worker hangs up. */
  private async wake(ms: number, signal: AbortSignal): Promise<void> {
    let onAbort = (): void => undefined;
    const hangUp = new Promise<void>((resolve) => {
      onAbort = resolve;
      signal.addEventListener('abort', onAbort, { once: true });
    });
    const jobEvent = firstValueFrom(race(this.projections.applied$.pipe(filter((event) => WAKE_ON.has(event.type))), timer(ms)));
    try {
      await Promise.race([jobEvent, hangUp]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}

function isJobActivated(event: EngineEvent): event is CaseEvent<'JobActivated'> {
  return event.type === 'JobActivated';
}
