import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseView } from '@banjie/contracts';
import { JobCommands } from '../job-commands';
import { ThrowJobErrorCommand } from './throw-job-error.command';

@CommandHandler(ThrowJobErrorCommand)
export class ThrowJobErrorHandler implements ICommandHandler<ThrowJobErrorCommand> {
  constructor(private readonly jobs: JobCommands) {}

  execute({ jobId, errorCode, errorMessage, variables, actor, correlationId }: ThrowJobErrorCommand): Promise<CaseView> {
    const command = { type: 'ThrowError' as const, jobId, errorCode, variables, ...(errorMessage !== undefined ? { errorMessage } : {}) };
    return this.jobs.execute(command, actor, correlationId);
  }
}
