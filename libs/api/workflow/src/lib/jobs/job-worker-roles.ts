import type { Role } from '@banjie/contracts';

/**
 * Who may run jobs as an external worker: a zone's designer (who deploys the flows that name the
 * job types, and whose account an integration signs in with) for the jobs of that zone, and the
 * province admin for every zone. Clerks and agents may complete, fail or throw for a job by hand,
 * as they could complete one before external workers existed.
 */
export const JOB_WORKER_ROLES: readonly Role[] = ['designer', 'admin'];
export const JOB_ANSWER_ROLES: readonly Role[] = ['clerk', 'agent', 'designer', 'admin'];
