import type { TaskState } from '../state/case-state';
import { removeWhere, replaceWhere, type Applier } from './applier';

export const applyTaskCreated: Applier<'TaskCreated'> = (state, data) => ({
  ...state,
  tasks: [
    ...state.tasks,
    {
      taskId: data.taskId,
      elementId: data.elementId,
      elementInstanceId: data.elementInstanceId,
      name: data.name,
      ...(data.assignee !== undefined ? { assignee: data.assignee } : {}),
      candidateGroups: data.candidateGroups,
      candidateUsers: data.candidateUsers,
      ...(data.formId !== undefined ? { formId: data.formId } : {}),
      createdAt: data.createdAt,
      ...(data.dueAt !== undefined ? { dueAt: data.dueAt } : {}),
      ...(data.limitWorkingDays !== undefined ? { limitWorkingDays: data.limitWorkingDays } : {}),
    },
  ],
});

export const applyTaskClaimed: Applier<'TaskClaimed'> = (state, data) => ({
  ...state,
  tasks: replaceWhere(state.tasks, (t) => t.taskId === data.taskId, (task) => ({ ...task, assignee: data.userId })),
});

export const applyTaskUnclaimed: Applier<'TaskUnclaimed'> = (state, data) => ({
  ...state,
  tasks: replaceWhere(state.tasks, (t) => t.taskId === data.taskId, unassigned),
});

export const applyTaskCompleted: Applier<'TaskCompleted'> = (state, data) => ({ ...state, tasks: removeWhere(state.tasks, (t) => t.taskId === data.taskId) });
export const applyTaskCancelled: Applier<'TaskCancelled'> = (state, data) => ({ ...state, tasks: removeWhere(state.tasks, (t) => t.taskId === data.taskId) });

export const applyJobCreated: Applier<'JobCreated'> = (state, data) => ({
  ...state,
  jobs: [...state.jobs, { jobId: data.jobId, jobType: data.jobType, elementId: data.elementId, elementInstanceId: data.elementInstanceId }],
});
export const applyJobCompleted: Applier<'JobCompleted'> = (state, data) => ({ ...state, jobs: removeWhere(state.jobs, (j) => j.jobId === data.jobId) });
export const applyJobCancelled: Applier<'JobCancelled'> = (state, data) => ({ ...state, jobs: removeWhere(state.jobs, (j) => j.jobId === data.jobId) });
export const applyJobFailed: Applier<'JobFailed'> = (state, data) => ({ ...state, jobs: removeWhere(state.jobs, (j) => j.jobId === data.jobId) });

export const applyIncidentRaised: Applier<'IncidentRaised'> = (state, data) => ({
  ...state,
  incidents: [
    ...state.incidents,
    {
      incidentId: data.incidentId,
      elementId: data.elementId,
      elementInstanceId: data.elementInstanceId,
      message: data.message,
      retry: data.retry,
      ...(data.jobId ? { jobId: data.jobId } : {}),
    },
  ],
});
export const applyIncidentResolved: Applier<'IncidentResolved'> = (state, data) => ({
  ...state,
  incidents: removeWhere(state.incidents, (i) => i.incidentId === data.incidentId),
});

function unassigned(task: TaskState): TaskState {
  const { assignee, ...rest } = task;
  void assignee;
  return rest;
}
