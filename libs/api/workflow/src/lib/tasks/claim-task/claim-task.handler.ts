import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommands } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';
import { assertCanSee } from '../../shared/case-access';
import { TaskAccess } from '../../shared/task-access';
import { ClaimTaskCommand } from './claim-task.command';

@CommandHandler(ClaimTaskCommand)
export class ClaimTaskHandler implements ICommandHandler<ClaimTaskCommand> {
  constructor(
    private readonly tasks: TaskAccess,
    private readonly cases: CaseCommands,
  ) {}

  async execute({ taskId, actor, correlationId }: ClaimTaskCommand): Promise<CaseView> {
    const task = await this.tasks.findActionable(taskId, actor);
    const outcome = await this.cases.execute({
      caseId: task.caseId,
      actor,
      correlationId,
      authorize: (header) => assertCanSee(actor, header),
      command: { type: 'ClaimTask', taskId, userId: actor.id },
    });
    return outcome.view;
  }
}
