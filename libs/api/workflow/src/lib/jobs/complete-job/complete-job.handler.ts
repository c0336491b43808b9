import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError, CaseCommands, canSeeZone } from '@banjie/api-core';
import { JobList, ProjectionRunner } from '@banjie/api-projections';
import type { CaseView } from '@banjie/contracts';
import { assertCanSee } from '../../shared/case-access';
import { CompleteJobCommand } from './complete-job.command';

@CommandHandler(CompleteJobCommand)
export class CompleteJobHandler implements ICommandHandler<CompleteJobCommand> {
  constructor(
    private readonly jobs: JobList,
    private readonly projections: ProjectionRunner,
    private readonly cases: CaseCommands,
  ) {}

  async execute({ jobId, variables, actor, correlationId }: CompleteJobCommand): Promise<CaseView> {
    await this.projections.catchUp();
    const job = this.jobs.find(jobId);
    if (!job || !canSeeZone(actor, job.zoneId)) throw ApiError.notFound(`Job ${jobId}`);
    const outcome = await this.cases.execute({
      caseId: job.caseId,
      actor,
      correlationId,
      authorize: (header) => assertCanSee(actor, header),
      command: { type: 'CompleteJob', jobId, variables },
    });
    return outcome.view;
  }
}
