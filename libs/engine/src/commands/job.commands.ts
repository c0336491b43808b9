import { raiseIncident } from '../behaviors/incidents';
import { isVariables, reject, type CommandHandler } from './command-handler';
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
};

/** A worker failed a job: an incident holds the task until it is resolved (a new job then). */
export const failJob: CommandHandler<'FailJob'> = (run, command) => {
  const job = findJob(run.state, command.jobId);
  if (!job) return reject('not_found', `no open job ${command.jobId}`);
  run.emit('JobFailed', { jobId: job.jobId, message: command.message });
  const instance = run.instance(job.elementInstanceId);
  if (instance) raiseIncident(run, instance, `job ${job.jobType} failed: ${command.message}`, 'job', job.jobId);
};
