import { createJob } from '../behaviors/jobs';
import { enter, leave } from '../behaviors/transitions';
import { isVariables, reject, type CommandHandler } from './command-handler';
import { updateJobRetries } from './job.commands';
import { findIncident } from '../state/case-state-queries';

/** Sets variables on the case or on one active scope (to fix what an incident complained of). */
export const setVariables: CommandHandler<'SetVariables'> = (run, command) => {
  if (!isVariables(command.variables)) return reject('invalid_variables', 'variables must be a JSON object');
  const scopeId = command.scopeId ?? run.state.caseId;
  if (scopeId !== run.state.caseId && !run.instance(scopeId)) return reject('not_found', `no active scope ${scopeId}`);
  run.emit('VariablesSet', scopeId === run.state.caseId ? { variables: { ...command.variables } } : { scopeId, variables: { ...command.variables } });
  return undefined;
};

/**
 * Resolves an incident and retries the step it interrupted. A job incident gives the job back
 * with its retries; as in Zeebe, a job that failed with no retries left needs `UpdateJobRetries`
 * first, else the incident stays (conflict).
 */
export const resolveIncident: CommandHandler<'ResolveIncident'> = (run, command) => {
  const incident = findIncident(run.state, command.incidentId);
  if (!incident) return reject('not_found', `no open incident ${command.incidentId}`);
  if (command.jobRetries !== undefined) {
    if (incident.retry !== 'job' || !incident.jobId) return reject('invalid_input', `the incident ${incident.incidentId} holds no job`);
    const updated = updateJobRetries(run, { type: 'UpdateJobRetries', jobId: incident.jobId, retries: command.jobRetries });
    if (updated) return updated;
    return resolveIncident(run, { type: 'ResolveIncident', incidentId: incident.incidentId });
  }
  if (incident.retry === 'job' && incident.jobRetries === 0) {
    return reject('invalid_state', `the job ${incident.jobId ?? ''} has no retries left: update its retries before resolving the incident`);
  }
  run.emit('IncidentResolved', { incidentId: incident.incidentId });
  const instance = run.instance(incident.elementInstanceId);
  if (!instance) return;
  if (incident.retry === 'activate') enter(run, instance);
  else if (incident.retry === 'complete') leave(run, instance);
  else createJob(run, instance, run.element(instance), incident.jobId && incident.jobRetries !== undefined ? { jobId: incident.jobId, retries: incident.jobRetries } : undefined);
};
