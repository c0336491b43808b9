import type { ElementDefinition } from '../model/process-model';
import type { CaseRun } from '../runtime/case-run';
import type { ElementInstance } from '../state/case-state';
import { scopeVariables } from './variables';

/** Creates a job for a worker (in-process handler or api call) of a service-like task. */
export function createJob(run: CaseRun, instance: ElementInstance, element: ElementDefinition): void {
  if (run.state.jobs.some((job) => job.elementInstanceId === instance.id)) return;
  run.emit('JobCreated', {
    jobId: run.newId(),
    jobType: element.jobType ?? '',
    elementId: element.id,
    elementInstanceId: instance.id,
    variables: scopeVariables(run, instance.id),
    ...(element.jobRetries !== undefined ? { retries: element.jobRetries } : {}),
  });
}
