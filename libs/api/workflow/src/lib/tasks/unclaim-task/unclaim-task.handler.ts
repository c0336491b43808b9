import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommands } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';
import { assertCanSee } from '../../shared/case-access';
import { TaskAccess } from '../../shared/task-access';
import { UnclaimTaskCommand } from './unclaim-task.command';

@CommandHandler(UnclaimTaskCommand)
export class UnclaimTaskHandler implements ICommandHandler<UnclaimTaskCommand> {
  constructor(
    private readonly tasks: TaskAccess,
    private readonly cases: CaseCommands,
  ) {}

  async execute({ taskId, actor, correlationId }: UnclaimTaskCommand): Promise<CaseView> {
    const task = await this.tasks.findActionable(taskId, actor);
    const outcome = await this.cases.execute({
      caseId: task.caseId,
      actor,
      correlationId,
      authorize: (header) => assertCanSee(actor, header),
      command: { type: 'UnclaimTask', taskId, userId: actor.id },
    });
    return outcome.view;
  }
}
