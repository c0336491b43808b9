import type { CaseView, DeadlineView, TaskView, ZoneId } from '@banjie/contracts';
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
    tasks: state.tasks.map((task): TaskView => {
      const deadline = findDeadline(state, task.elementInstanceId);
      // A deadline re-set (after a pause, or a calendar change) moves the task's due time with it.
      const dueAt = deadline?.dueAt ?? task.dueAt;
      return {
        id: task.taskId,
        caseId: state.caseId,
        elementId: task.elementId,
        name: task.name,
        ...(task.assignee !== undefined ? { assignee: task.assignee } : {}),
        candidateGroups: [...task.candidateGroups],
        candidateUsers: [...task.candidateUsers],
        ...(task.formId !== undefined ? { formId: task.formId } : {}),
        createdAt: task.createdAt,
        ...(dueAt !== undefined ? { dueAt } : {}),
        ...(task.limitWorkingDays !== undefined ? { limitWorkingDays: task.limitWorkingDays } : {}),
        warning: deadline?.warning ?? 'none',
        status: 'open',
        businessKey: state.businessKey,
        definitionKey: state.definitionKey,
      };
    }),
    timers: state.timers.map((t) => ({ id: t.timerId, elementId: t.elementId, dueAt: t.dueAt })),
    incidents: state.incidents.map((i) => ({ id: i.incidentId, elementId: i.elementId, message: i.message })),
    deadlines: state.deadlines.map((d): DeadlineView => ({
      elementInstanceId: d.elementInstanceId,
      elementId: d.elementId,
      ...(d.taskId ? { taskId: d.taskId } : {}),
      limitWorkingDays: d.limitWorkingDays,
      startedAt: d.startedAt,
      yellowAt: d.yellowAt,
      dueAt: d.dueAt,
      warning: d.warning,
      ...(d.extendedWorkingDays > 0 ? { extendedWorkingDays: d.extendedWorkingDays } : {}),
    })),
    ...(state.messageSubscriptions.length > 0
      ? { messageSubscriptions: state.messageSubscriptions.map((m) => ({ elementId: m.elementId, messageName: m.messageName, correlationKey: m.correlationKey })) }
      : {}),
    ...(state.evaluation ? { evaluation: { ...state.evaluation } } : {}),
    startedAt: state.startedAt,
    ...(state.endedAt !== undefined ? { endedAt: state.endedAt } : {}),
  };
}
