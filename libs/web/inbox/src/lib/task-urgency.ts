import type { TaskView, Warning } from '@banjie/contracts';

const RANK: Record<Warning, number> = { red: 0, yellow: 1, none: 2 };

/**
 * The inbox's order: red cards first, then yellow, then by due time (the soonest first, tasks
 * without a due date last), then the oldest first.
 */
export function byUrgency(a: TaskView, b: TaskView): number {
  return RANK[a.warning] - RANK[b.warning] || dueTime(a) - dueTime(b) || Date.parse(a.createdAt) - Date.parse(b.createdAt);
}

function dueTime(task: TaskView): number {
  return task.dueAt ? Date.parse(task.dueAt) : Number.POSITIVE_INFINITY;
}
