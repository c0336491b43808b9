import type { JobState, TaskState } from '../state/case-state';
import { DEFAULT_JOB_RETRIES } from '../model/process-model';
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
  jobs: [...state.jobs, { jobId: data.jobId, jobType: data.jobType, elementId: data.elementId, elementInstanceId: data.elementInstanceId, retries: data.retries ?? DEFAULT_JOB_RETRIES }],
});
export const applyJobCompleted: Applier<'JobCompleted'> = (state, data) => ({ ...state, jobs: removeWhere(state.jobs, (j) => j.jobId === data.jobId) });
export const applyJobCancelled: Applier<'JobCancelled'> = (state, data) => ({ ...state, jobs: removeWhere(state.jobs, (j) => j.jobId === data.jobId) });
export const applyJobFailed: Applier<'JobFailed'> = (state, data) => ({ ...state, jobs: removeWhere(state.jobs, (j) => j.jobId === data.jobId) });
export const applyJobErrorThrown: Applier<'JobErrorThrown'> = (state, data) => ({ ...state, jobs: removeWhere(state.jobs, (j) => j.jobId === data.jobId) });
export const applyJobActivated: Applier<'JobActivated'> = (state, data) => ({
  ...state,
  jobs: replaceWhere(state.jobs, (j) => j.jobId === data.jobId, (job) => ({ ...activatable(job), worker: data.worker, deadline: data.deadline })),
});
export const applyJobTimedOut: Applier<'JobTimedOut'> = (state, data) => ({ ...state, jobs: replaceWhere(state.jobs, (j) => j.jobId === data.jobId, activatable) });
export const applyJobRetrying: Applier<'JobRetrying'> = (state, data) => ({
  ...state,
  jobs: replaceWhere(state.jobs, (j) => j.jobId === data.jobId, (job) => ({
    ...activatable(job),
    retries: data.retries,
    ...(data.retryAt !== undefined ? { retryAt: data.retryAt } : {}),
  })),
});
export const applyJobRetriesUpdated: Applier<'JobRetriesUpdated'> = (state, data) => ({
  ...state,
  jobs: replaceWhere(state.jobs, (j) => j.jobId === data.jobId, (job) => ({ ...job, retries: data.retries })),
  incidents: replaceWhere(state.incidents, (i) => i.jobId === data.jobId, (incident) => ({ ...incident, jobRetries: data.retries })),
});
export const applyJobTimeoutUpdated: Applier<'JobTimeoutUpdated'> = (state, data) => ({
  ...state,
  jobs: replaceWhere(state.jobs, (j) => j.jobId === data.jobId, (job) => ({ ...job, deadline: data.deadline })),
});

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
      ...(data.jobRetries !== undefined ? { jobRetries: data.jobRetries } : {}),
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

/** A job no worker holds and no back-off delays. */
function activatable(job: JobState): JobState {
  const { worker, deadline, retryAt, ...rest } = job;
  void worker;
  void deadline;
  void retryAt;
  return rest;
}
