import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseView } from '@banjie/contracts';
import { JobCommands } from '../job-commands';
import { FailJobCommand } from './fail-job.command';

@CommandHandler(FailJobCommand)
export class FailJobHandler implements ICommandHandler<FailJobCommand> {
  constructor(private readonly jobs: JobCommands) {}

  execute({ jobId, retries, errorMessage, retryBackOffMs, actor, correlationId, variables }: FailJobCommand): Promise<CaseView> {
    const command = {
      type: 'FailJob' as const,
      jobId,
      message: errorMessage,
      retries,
      ...(retryBackOffMs !== undefined ? { retryBackOffMs } : {}),
      ...(variables !== undefined ? { variables } : {}),
    };
    return this.jobs.execute(command, actor, correlationId);
  }
}
