import { Injectable } from '@nestjs/common';
import { ApiError, CaseCommands, canSeeZone, type Actor } from '@banjie/api-core';
import { JobList, ProjectionRunner } from '@banjie/api-projections';
import type { CaseView } from '@banjie/contracts';
import type { EngineCommand } from '@banjie/engine';
import { assertCanSee } from '../shared/case-access';

/** An engine command that answers or updates one job. */
export type JobCommand = Extract<EngineCommand, { type: 'CompleteJob' | 'FailJob' | 'ThrowError' | 'UpdateJob' }>;

/**
 * Sends a worker's answer to a job to the job's case: the jobs read model leads from the job id
 * to the case; an unknown job, or one of another zone, is a 404.
 */
@Injectable()
export class JobCommands {
  constructor(
    private readonly jobs: JobList,
    private readonly projections: ProjectionRunner,
    private readonly cases: CaseCommands,
  ) {}

  async execute(command: JobCommand, actor: Actor, correlationId?: string): Promise<CaseView> {
    await this.projections.catchUp();
    const job = this.jobs.find(command.jobId);
    if (!job || !canSeeZone(actor, job.zoneId)) throw ApiError.notFound(`Job ${command.jobId}`);
    const outcome = await this.cases.execute({
      caseId: job.caseId,
      actor,
      correlationId,
      authorize: (header) => assertCanSee(actor, header),
      command,
    });
    return outcome.view;
  }
}
