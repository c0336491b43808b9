import type { Actor, CaseCommands } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';
import { assertCanSee } from '../shared/case-access';
import type { TaskAccess } from '../shared/task-access';

/** What claiming and unclaiming a task take: the task, who asks, and the request's correlation id. */
export interface TaskClaimRequest {
  taskId: string;
  actor: Actor;
  correlationId?: string;
}

/**
 * Claims or unclaims a task for the caller: the caller must be able to act on the task (404/403
 * otherwise) and to see its case; the engine decides whether the task's state allows it (409).
 */
export async function changeTaskClaim(tasks: TaskAccess, cases: CaseCommands, type: 'ClaimTask' | 'UnclaimTask', { taskId, actor, correlationId }: TaskClaimRequest): Promise<CaseView> {
  const task = await tasks.findActionable(taskId, actor);
  const outcome = await cases.execute({
    caseId: task.caseId,
    actor,
    correlationId,
    authorize: (header) => assertCanSee(actor, header),
    command: { type, taskId, userId: actor.id },
  });
  return outcome.view;
}
