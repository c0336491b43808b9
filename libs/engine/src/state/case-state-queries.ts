import type { Variables } from '../lib/api';
import type { CaseState, DeadlineState, ElementInstance, IncidentState, JobState, TaskState, TimerState } from './case-state';

/** The active instance with an id. */
export function findInstance(state: CaseState, id: string): ElementInstance | undefined {
  return state.instances.find((i) => i.id === id);
}

/** The variables set directly on a scope (the case id for the process level). */
export function localVariables(state: CaseState, scopeId: string): Variables | undefined {
  return state.variables.find((v) => v.scopeId === scopeId)?.values;
}

/** The open task with an id. */
export function findTask(state: CaseState, taskId: string): TaskState | undefined {
  return state.tasks.find((t) => t.taskId === taskId);
}

/** The scheduled timer with an id. */
export function findTimer(state: CaseState, timerId: string): TimerState | undefined {
  return state.timers.find((t) => t.timerId === timerId);
}

/** The open job with an id. */
export function findJob(state: CaseState, jobId: string): JobState | undefined {
  return state.jobs.find((j) => j.jobId === jobId);
}

/** The open incident with an id. */
export function findIncident(state: CaseState, incidentId: string): IncidentState | undefined {
  return state.incidents.find((i) => i.incidentId === incidentId);
}

/** The legal deadline of an element instance (or of the case, by its id). */
export function findDeadline(state: CaseState, elementInstanceId: string): DeadlineState | undefined {
  return state.deadlines.find((d) => d.elementInstanceId === elementInstanceId);
}
