import type { Variables } from '../lib/api';
import { DEFAULT_JOB_RETRIES, type ElementDefinition } from '../model/process-model';
import type { CaseRun } from '../runtime/case-run';
import type { ElementInstance, JobState } from '../state/case-state';
import { evaluateValue, ExpressionFailure } from './expressions';
import { raiseIncident } from './incidents';
import { throwError } from './throw-events';
import { scopeVariables } from './variables';

/**
 * Creates a job for a worker (in-process handler or api call) of a service-like task. A job type
 * given as FEEL (`type="=…"`) is evaluated against the task's variables, as Zeebe does.
 * `again` re-creates a job an incident held, under its own id and with the retries it got back.
 */
export function createJob(run: CaseRun, instance: ElementInstance, element: ElementDefinition, again?: { jobId: string; retries: number }): void {
  if (run.state.jobs.some((job) => job.elementInstanceId === instance.id)) return;
  const variables = scopeVariables(run, instance.id);
  run.emit('JobCreated', {
    jobId: again?.jobId ?? run.newId(),
    jobType: jobTypeOf(element, variables),
    elementId: element.id,
    elementInstanceId: instance.id,
    variables,
    retries: again?.retries ?? jobRetriesOf(element, variables),
  });
}

/** The retries of a new job: `zeebe:taskDefinition retries`, evaluated as FEEL when it starts with `=` (Zeebe). */
function jobRetriesOf(element: ElementDefinition, variables: Variables): number {
  if (element.jobRetriesExpression === undefined) return element.jobRetries ?? DEFAULT_JOB_RETRIES;
  const value = evaluateValue(element.jobRetriesExpression, variables);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new ExpressionFailure(`the job retries "${element.jobRetriesExpression}" gave ${JSON.stringify(value)}, not a whole number from 0`);
  }
  return value;
}

/** Why a job cannot be activated now, or undefined when it can (a lapsed lease counts as free). */
export function unavailability(job: JobState, now: string): string | undefined {
  if (job.deadline !== undefined && Date.parse(now) < Date.parse(job.deadline)) return `the job ${job.jobId} is activated by ${job.worker ?? 'a worker'} until ${job.deadline}`;
  if (job.retryAt !== undefined && Date.parse(now) < Date.parse(job.retryAt)) return `the job ${job.jobId} backs off until ${job.retryAt}`;
  return undefined;
}

/**
 * A worker threw a BPMN error for a job: the innermost catch event for its code takes the token
 * (with the error's variables), else an incident holds the task (Zeebe: unhandled error event).
 */
export function throwJobError(run: CaseRun, job: JobState, errorCode: string, errorMessage: string | undefined, variables: Variables): void {
  run.emit('JobErrorThrown', { jobId: job.jobId, errorCode, ...(errorMessage !== undefined ? { errorMessage } : {}), variables, at: run.now });
  const instance = run.instance(job.elementInstanceId);
  if (!instance || throwError(run, instance, errorCode, variables, true)) return;
  const message = `unhandled error: the error "${errorCode}"${errorMessage ? ` (${errorMessage})` : ''} thrown by job ${job.jobType} is caught by no error event`;
  raiseIncident(run, instance, message, 'job', job.jobId, job.retries);
}

function jobTypeOf(element: ElementDefinition, variables: Variables): string {
  const type = element.jobType ?? '';
  const value = evaluateValue(type, variables);
  if (typeof value !== 'string' || value === '') throw new ExpressionFailure(`the job type "${type}" gave ${JSON.stringify(value)}, not a job type name`);
  return value;
}
