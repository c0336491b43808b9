import { raiseIncident } from '../behaviors/incidents';
import { throwJobError, unavailability } from '../behaviors/jobs';
import { isVariables, reject, type CommandHandler } from './command-handler';
import { scopeVariables } from '../behaviors/variables';
import { completeWork } from './task.commands';
import { findJob } from '../state/case-state-queries';

/** A worker finished a job: its variables are set and the task moves on. */
export const completeJob: CommandHandler<'CompleteJob'> = (run, command) => {
  const job = findJob(run.state, command.jobId);
  if (!job) return reject('not_found', `no open job ${command.jobId}`);
  if (command.variables !== undefined && !isVariables(command.variables)) return reject('invalid_variables', 'variables must be a JSON object');
  const variables = { ...(command.variables ?? {}) };
  run.emit('JobCompleted', { jobId: job.jobId, variables });
  const instance = run.instance(job.elementInstanceId);
  if (instance) completeWork(run, instance, variables);
  return undefined;
};

/**
 * A worker failed a job. With retries left it becomes activatable again once the back-off has
 * passed (counted from the command's time); at 0 retries an incident holds the task (Zeebe).
 * Its variables are set local to the task, so the next activation and the incident see them.
 */
export const failJob: CommandHandler<'FailJob'> = (run, command) => {
  const job = findJob(run.state, command.jobId);
  if (!job) return reject('not_found', `no open job ${command.jobId}`);
  if (command.retries !== undefined && !isCount(command.retries)) return reject('invalid_input', 'retries must be a whole number from 0');
  if (command.retryBackOffMs !== undefined && !isCount(command.retryBackOffMs)) return reject('invalid_input', 'retryBackOff must be a whole number of milliseconds from 0');
  if (command.variables !== undefined && !isVariables(command.variables)) return reject('invalid_variables', 'variables must be a JSON object');
  const retries = command.retries ?? Math.max(job.retries - 1, 0);
  // Zeebe: FailJob's variables are set in the local scope of the job's element instance
  if (command.variables !== undefined && Object.keys(command.variables).length > 0) {
    run.emit('VariablesSet', { scopeId: job.elementInstanceId, variables: { ...command.variables } });
  }
  if (retries > 0) {
    const backOff = command.retryBackOffMs ?? 0;
    const retryAt = backOff > 0 ? new Date(Date.parse(run.now) + backOff).toISOString() : undefined;
    run.emit('JobRetrying', { jobId: job.jobId, message: command.message, retries, ...(retryAt ? { retryAt } : {}), at: run.now });
    return;
  }
  run.emit('JobFailed', { jobId: job.jobId, message: command.message });
  const instance = run.instance(job.elementInstanceId);
  if (instance) raiseIncident(run, instance, `job ${job.jobType} failed: ${command.message}`, 'job', job.jobId, 0);
  return undefined;
};

/** A worker threw a BPMN error: a matching error boundary or event sub-process takes over, else an incident. */
export const throwErrorForJob: CommandHandler<'ThrowError'> = (run, command) => {
  const job = findJob(run.state, command.jobId);
  if (!job) return reject('not_found', `no open job ${command.jobId}`);
  if (typeof command.errorCode !== 'string' || command.errorCode.trim() === '') return reject('invalid_input', 'errorCode must be a non-empty string');
  if (command.variables !== undefined && !isVariables(command.variables)) return reject('invalid_variables', 'variables must be a JSON object');
  throwJobError(run, job, command.errorCode, command.errorMessage, { ...(command.variables ?? {}) });
  return undefined;
};

/** Sets a job's retries: an open job's, or the one an incident holds (resolve the incident next). */
export const updateJobRetries: CommandHandler<'UpdateJobRetries'> = (run, command) => {
  if (!isCount(command.retries) || command.retries < 1) return reject('invalid_input', 'retries must be a whole number from 1');
  const held = findJob(run.state, command.jobId) ?? run.state.incidents.find((i) => i.jobId === command.jobId);
  if (!held) return reject('not_found', `no open job ${command.jobId}`);
  run.emit('JobRetriesUpdated', { jobId: command.jobId, retries: command.retries });
  return undefined;
};

/** A worker takes a job for a while; a job whose lease ran out times out first and is taken again. */
export const activateJob: CommandHandler<'ActivateJob'> = (run, command) => {
  const job = findJob(run.state, command.jobId);
  if (!job) return reject('not_found', `no open job ${command.jobId}`);
  if (!isCount(command.timeoutMs) || command.timeoutMs < 1) return reject('invalid_input', 'timeout must be a whole number of milliseconds from 1');
  const busy = unavailability(job, run.now);
  if (busy) return reject('invalid_state', busy);
  if (run.state.incidents.some((i) => i.jobId === job.jobId)) return reject('invalid_state', `the job ${job.jobId} is held by an incident`);
  if (job.deadline !== undefined) run.emit('JobTimedOut', { jobId: job.jobId, at: run.now });
  const instance = run.instance(job.elementInstanceId);
  run.emit('JobActivated', {
    jobId: job.jobId,
    worker: command.worker,
    deadline: new Date(Date.parse(run.now) + command.timeoutMs).toISOString(),
    variables: instance ? scopeVariables(run, instance.id) : {},
    retries: job.retries,
    at: run.now,
  });
  return undefined;
};

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
