import { leave } from '../behaviors/transitions';
import { propagateVariables, setLocalVariables } from '../behaviors/variables';
import type { Variables } from '../lib/api';
import type { CaseRun } from '../runtime/case-run';
import type { ElementInstance } from '../state/case-state';
import { isVariables, reject, type CommandHandler } from './command-handler';
import { findTask } from '../state/case-state-queries';

/** Claims an open task for a user; claiming one's own task again changes nothing. */
export const claimTask: CommandHandler<'ClaimTask'> = (run, command) => {
  const task = findTask(run.state, command.taskId);
  if (!task) return reject('not_found', `no open task ${command.taskId}`);
  if (task.assignee === command.userId) return;
  if (task.assignee) return reject('invalid_state', `task ${command.taskId} is claimed by another user`);
  run.emit('TaskClaimed', { taskId: task.taskId, userId: command.userId, at: run.now });
  return undefined;
};

/** Gives a claimed task back to its candidates. */
export const unclaimTask: CommandHandler<'UnclaimTask'> = (run, command) => {
  const task = findTask(run.state, command.taskId);
  if (!task) return reject('not_found', `no open task ${command.taskId}`);
  if (task.assignee !== command.userId) return reject('invalid_state', `task ${command.taskId} is not claimed by ${command.userId}`);
  run.emit('TaskUnclaimed', { taskId: task.taskId, userId: command.userId, at: run.now });
  return undefined;
};

/**
 * Hands an open task to a user on someone else's word (a leader reassigning it): recorded as a
 * `TaskClaimed` that names who assigned it and whom it was taken from. Assigning a task to its
 * assignee changes nothing.
 */
export const assignTask: CommandHandler<'AssignTask'> = (run, command) => {
  const task = findTask(run.state, command.taskId);
  if (!task) return reject('not_found', `no open task ${command.taskId}`);
  if (task.assignee === command.userId) return;
  run.emit('TaskClaimed', {
    taskId: task.taskId,
    userId: command.userId,
    at: run.now,
    by: command.by,
    ...(task.assignee ? { previousAssignee: task.assignee } : {}),
  });
  return undefined;
};

/** Completes an open task with the form's variables; the token moves on. */
export const completeTask: CommandHandler<'CompleteTask'> = (run, command) => {
  const task = findTask(run.state, command.taskId);
  if (!task) return reject('not_found', `no open task ${command.taskId}`);
  if (task.assignee && task.assignee !== command.userId) return reject('invalid_state', `task ${command.taskId} is claimed by another user`);
  if (command.variables !== undefined && !isVariables(command.variables)) return reject('invalid_variables', 'variables must be a JSON object');
  const variables = { ...(command.variables ?? {}) };
  run.emit('TaskCompleted', { taskId: task.taskId, userId: command.userId, variables, at: run.now });
  const instance = run.instance(task.elementInstanceId);
  if (instance) completeWork(run, instance, variables);
  return undefined;
};

/** A task's or job's result: into the element's own scope when it maps outputs, else outward. */
export function completeWork(run: CaseRun, instance: ElementInstance, variables: Variables): void {
  if (run.element(instance).outputs.length > 0) setLocalVariables(run, instance.id, variables);
  else propagateVariables(run, instance.id, variables);
  leave(run, instance);
}
