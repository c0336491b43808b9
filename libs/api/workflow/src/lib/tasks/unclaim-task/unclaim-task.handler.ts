import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommands } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';
import { TaskAccess } from '../../shared/task-access';
import { changeTaskClaim } from '../task-claim';
import { UnclaimTaskCommand } from './unclaim-task.command';

@CommandHandler(UnclaimTaskCommand)
export class UnclaimTaskHandler implements ICommandHandler<UnclaimTaskCommand> {
  constructor(
    private readonly tasks: TaskAccess,
    private readonly cases: CaseCommands,
  ) {}

  execute(command: UnclaimTaskCommand): Promise<CaseView> {
    return changeTaskClaim(this.tasks, this.cases, 'UnclaimTask', command);
  }
}
