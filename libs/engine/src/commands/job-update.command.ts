import { findJob } from '../state/case-state-queries';
import { reject, type CommandHandler } from './command-handler';
import { updateJobRetries } from './job.commands';

/**
 * Updates a job as Zeebe's job UPDATE does: the retries first (an open job, or one its incident
 * holds; resolving that incident then gives the job back with them), then the timeout of an
 * activated job, its deadline counted from now. Both are checked before anything is recorded, so
 * a refused timeout leaves the retries as they were.
 */
export const updateJob: CommandHandler<'UpdateJob'> = (run, command) => {
  if (command.retries === undefined && command.timeoutMs === undefined) return reject('invalid_input', 'give retries or timeout (or both) to update the job');
  if (command.retries !== undefined && !isWholeFrom(command.retries, 1)) return reject('invalid_input', 'retries must be a whole number from 1');
  if (command.timeoutMs !== undefined && !isWholeFrom(command.timeoutMs, 1)) return reject('invalid_input', 'timeout must be a whole number of milliseconds from 1');
  const held = findJob(run.state, command.jobId) ?? run.state.incidents.find((i) => i.jobId === command.jobId);
  if (!held) return reject('not_found', `no open job ${command.jobId}`);
  if (command.timeoutMs !== undefined) {
    const job = findJob(run.state, command.jobId);
    const active = job?.deadline !== undefined && Date.parse(run.now) < Date.parse(job.deadline);
    if (!active) return reject('invalid_state', `the timeout of job ${command.jobId} cannot be updated: it is not active (no worker holds it now)`);
  }
  if (command.retries !== undefined) {
    const refused = updateJobRetries(run, { type: 'UpdateJobRetries', jobId: command.jobId, retries: command.retries });
    if (refused) return refused;
  }
  if (command.timeoutMs !== undefined) {
    run.emit('JobTimeoutUpdated', { jobId: command.jobId, deadline: new Date(Date.parse(run.now) + command.timeoutMs).toISOString() });
  }
  return undefined;
};

function isWholeFrom(value: unknown, least: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= least;
}
