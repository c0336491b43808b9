import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseView } from '@banjie/contracts';
import { JobCommands } from '../job-commands';
import { UpdateJobCommand } from './update-job.command';

@CommandHandler(UpdateJobCommand)
export class UpdateJobHandler implements ICommandHandler<UpdateJobCommand> {
  constructor(private readonly jobs: JobCommands) {}

  execute({ jobId, changeset, actor, correlationId }: UpdateJobCommand): Promise<CaseView> {
    const command = {
      type: 'UpdateJob' as const,
      jobId,
      ...(changeset.retries !== undefined ? { retries: changeset.retries } : {}),
      ...(changeset.timeout !== undefined ? { timeoutMs: changeset.timeout } : {}),
    };
    return this.jobs.execute(command, actor, correlationId);
  }
}
