import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseView } from '@banjie/contracts';
import { JobCommands } from '../job-commands';
import { CompleteJobCommand } from './complete-job.command';

@CommandHandler(CompleteJobCommand)
export class CompleteJobHandler implements ICommandHandler<CompleteJobCommand> {
  constructor(private readonly jobs: JobCommands) {}

  execute({ jobId, variables, actor, correlationId }: CompleteJobCommand): Promise<CaseView> {
    return this.jobs.execute({ type: 'CompleteJob', jobId, variables }, actor, correlationId);
  }
}
