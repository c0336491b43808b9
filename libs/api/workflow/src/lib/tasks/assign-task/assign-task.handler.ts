import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError, CaseCommands } from '@banjie/api-core';
import { USER_DIRECTORY, type UserDirectory } from '@banjie/api-auth';
import type { CaseView, Role } from '@banjie/contracts';
import { assertCanSee } from '../../shared/case-access';
import { TaskAccess } from '../../shared/task-access';
import { AssignTaskCommand } from './assign-task.command';

/** The roles that work tasks; a designer, applicant, auditor or admin is not given one. */
export const TASK_WORKER_ROLES: readonly Role[] = ['clerk', 'agent', 'leader'];

/**
 * Hands an open task of the leader's zone to a colleague: a user of the same zone with a working
 * role (clerk, agent or leader). Candidate groups are not checked: a leader reassigns across
 * departments on purpose (absence, workload). A user of another zone is unknown here (404).
 */
@CommandHandler(AssignTaskCommand)
export class AssignTaskHandler implements ICommandHandler<AssignTaskCommand> {
  constructor(
    private readonly tasks: TaskAccess,
    private readonly cases: CaseCommands,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  async execute({ taskId, userId, actor, correlationId }: AssignTaskCommand): Promise<CaseView> {
    const task = await this.tasks.find(taskId, actor);
    const user = this.users.find(userId);
    if (!user || user.zoneId !== task.zoneId) throw ApiError.notFound(`User ${userId}`);
    if (!user.roles.some((role) => TASK_WORKER_ROLES.includes(role))) {
      throw new ApiError('bad_request', `${user.name} (${userId}) 不办理任务 does not work on tasks: a clerk, agent or leader is needed`);
    }
    if (task.status && task.status !== 'open') throw ApiError.conflict(`Task ${taskId} is ${task.status}`);
    const outcome = await this.cases.execute({
      caseId: task.caseId,
      actor,
      correlationId,
      authorize: (header) => assertCanSee(actor, header),
      command: { type: 'AssignTask', taskId, userId, by: actor.id },
    });
    return outcome.view;
  }
}
