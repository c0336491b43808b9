import type { JobWorker, WorkerJob } from './job-worker';

/**
 * `issue-certificate`: issues an e-certificate (电子证照) number, derived from the zone, the
 * day and the job, so a retried job issues the same number.
 */
export const issueCertificateWorker: JobWorker = {
  jobType: 'issue-certificate',
  work(job: WorkerJob): Record<string, unknown> {
    const day = new Date(job.now).toISOString().slice(0, 10).replace(/-/g, '');
    const serial = job.jobId.replace(/-/g, '').slice(0, 8).toUpperCase();
    return { certificateNo: `${job.zoneId.toUpperCase()}-${day}-${serial}`, certificateIssued: true };
  },
};
