import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError, CaseCommands, DefinitionRegistry, type CaseHeader } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';
import { findInstance, type CaseState } from '@banjie/engine';
import { assertCanSee } from '../../shared/case-access';
import { TaskAccess } from '../../shared/task-access';
import { CompleteTaskCommand } from './complete-task.command';
import { checkFormVariables } from './form-variables';

/**
 * Completes a task: 409 when the case no longer holds it open, 422 naming the fields when the
 * variables do not fit its form; both checked on the case as it stands, not on the inbox.
 */
@CommandHandler(CompleteTaskCommand)
export class CompleteTaskHandler implements ICommandHandler<CompleteTaskCommand> {
  constructor(
    private readonly tasks: TaskAccess,
    private readonly cases: CaseCommands,
    private readonly definitions: DefinitionRegistry,
  ) {}

  async execute({ taskId, variables, actor, correlationId }: CompleteTaskCommand): Promise<CaseView> {
    const task = await this.tasks.findActionable(taskId, actor);
    const outcome = await this.cases.execute({
      caseId: task.caseId,
      actor,
      correlationId,
      authorize: (header) => assertCanSee(actor, header),
      validate: (header, state) => this.checkOpenTaskForm(header, state, taskId, variables),
      command: { type: 'CompleteTask', taskId, userId: actor.id, variables },
    });
    return outcome.view;
  }

  private async checkOpenTaskForm(header: CaseHeader, state: CaseState, taskId: string, variables: Record<string, unknown>): Promise<void> {
    const open = state.tasks.find((t) => t.taskId === taskId);
    if (!open) throw ApiError.conflict(`Task ${taskId} is not open`);
    if (!open.formId) return;
    // A task inside a called process has its form in that process's definition, on the version the call started.
    const called = findInstance(state, open.elementInstanceId)?.model;
    const definition = called
      ? await this.definitions.find(header.zoneId, called.key, called.version > 0 ? called.version : undefined)
      : await this.definitions.find(header.zoneId, header.definitionKey, header.version);
    const form = definition?.forms[open.formId];
    if (form === undefined) return;
    const problems = checkFormVariables(form, variables);
    if (problems.length > 0) throw new ApiError('invalid_variables', `The variables do not fit form ${open.formId}`, problems);
  }
}
