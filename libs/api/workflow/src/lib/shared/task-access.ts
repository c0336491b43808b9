import { Injectable } from '@nestjs/common';
import { ApiError, canSeeZone, type Actor } from '@banjie/api-core';
import { ProjectionRunner, TaskInbox, type InboxTask } from '@banjie/api-projections';

/**
 * Finds a task for an actor: 404 when it does not exist or belongs to another zone, 403 when the
 * actor is neither its assignee nor one of its candidates (leaders and admins may act on any task of their zone).
 */
@Injectable()
export class TaskAccess {
  constructor(
    private readonly inbox: TaskInbox,
    private readonly projections: ProjectionRunner,
  ) {}

  async find(taskId: string, actor: Actor): Promise<InboxTask> {
    let task = this.inbox.find(taskId);
    if (!task) {
      // A task this process just created may not be in the inbox yet: wait until it holds our writes.
      await this.projections.catchUp();
      task = this.inbox.find(taskId);
    }
    if (!task || !canSeeZone(actor, task.zoneId)) throw ApiError.notFound(`Task ${taskId}`);
    return task;
  }

  async findActionable(taskId: string, actor: Actor): Promise<InboxTask> {
    const task = await this.find(taskId, actor);
    if (!mayWorkOn(actor, task)) throw ApiError.forbidden('You are neither the assignee nor a candidate of this task');
    return task;
  }
}

function mayWorkOn(actor: Actor, task: InboxTask): boolean {
  if (actor.roles.includes('admin') || actor.roles.includes('leader')) return true;
  if (task.assignee === actor.id) return true;
  const users = task.candidateUsers ?? [];
  if (task.candidateGroups.length === 0 && users.length === 0) return true;
  return users.includes(actor.id) || task.candidateGroups.some((g) => actor.groups.includes(g));
}
