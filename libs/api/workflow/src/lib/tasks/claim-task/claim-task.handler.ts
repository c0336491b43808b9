import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommands } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';
import { TaskAccess } from '../../shared/task-access';
import { changeTaskClaim } from '../task-claim';
import { ClaimTaskCommand } from './claim-task.command';

@CommandHandler(ClaimTaskCommand)
export class ClaimTaskHandler implements ICommandHandler<ClaimTaskCommand> {
  constructor(
    private readonly tasks: TaskAccess,
    private readonly cases: CaseCommands,
  ) {}

  execute(command: ClaimTaskCommand): Promise<CaseView> {
    return changeTaskClaim(this.tasks, this.cases, 'ClaimTask', command);
  }
}
