import type { JobWorker, WorkerJob } from './job-worker';

/**
 * `record-credit`: records a false or unmet commitment on the applicant's credit record (信用记录)
 * after a revocation. The record number is derived from the zone and the job, so a retried job
 * gives the same number. No outside credit system is called: the record lives in the case.
 */
export const recordCreditWorker: JobWorker = {
  jobType: 'record-credit',
  work(job: WorkerJob): Record<string, unknown> {
    const serial = job.jobId.replace(/-/g, '').slice(0, 8).toUpperCase();
    return { creditRecordNo: `${job.zoneId.toUpperCase()}-CR-${serial}`, creditRecorded: true };
  },
};
