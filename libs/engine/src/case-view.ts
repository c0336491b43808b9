import type { CaseView, TaskView, ZoneId } from '@banjie/contracts';
import type { CaseState } from './state/case-state';
import { findDeadline, localVariables } from './state/case-state-queries';

/** Everything of the api's `CaseView` but `revision`, which the api adds from the stream. */
export type CaseViewCore = Omit<CaseView, 'revision'>;

/** The view of a case the api returns and the web client shows, derived from its state. */
export function toCaseView(state: CaseState): CaseViewCore {
  const status = state.status === 'none' ? 'active' : state.status;
  return {
    id: state.caseId,
    businessKey: state.businessKey,
    definitionKey: state.definitionKey,
    version: state.version,
    zoneId: state.zoneId as ZoneId,
    status,
    variables: { ...(localVariables(state, state.caseId) ?? {}) },
    active: state.instances.map((i) => ({ elementId: i.elementId, elementType: i.elementType, since: i.since })),
    completed: Object.entries(state.completed).map(([elementId, count]) => ({ elementId, count })),
    takenFlows: [...state.takenFlows],
    tasks: state.tasks.map((task): TaskView => ({
      id: task.taskId,
      caseId: state.caseId,
      elementId: task.elementId,
      name: task.name,
      ...(task.assignee !== undefined ? { assignee: task.assignee } : {}),
      candidateGroups: [...task.candidateGroups],
      candidateUsers: [...task.candidateUsers],
      ...(task.formId !== undefined ? { formId: task.formId } : {}),
      createdAt: task.createdAt,
      ...(task.dueAt !== undefined ? { dueAt: task.dueAt } : {}),
      ...(task.limitWorkingDays !== undefined ? { limitWorkingDays: task.limitWorkingDays } : {}),
      warning: findDeadline(state, task.elementInstanceId)?.warning ?? 'none',
      status: 'open',
      businessKey: state.businessKey,
      definitionKey: state.definitionKey,
    })),
    timers: state.timers.map((t) => ({ id: t.timerId, elementId: t.elementId, dueAt: t.dueAt })),
    incidents: state.incidents.map((i) => ({ id: i.incidentId, elementId: i.elementId, message: i.message })),
    startedAt: state.startedAt,
    ...(state.endedAt !== undefined ? { endedAt: state.endedAt } : {}),
  };
}
