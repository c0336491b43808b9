import type { JobWorker, WorkerJob } from './job-worker';

/** The seals a new enterprise gets cut free of charge on registration (Taigu: 3 free seals). */
export const FREE_SEALS = ['公章', '财务专用章', '发票专用章'] as const;

/**
 * `register-enterprise`: records the enterprise registration of a case and the three seals cut
 * for free. The registration number is derived from the zone and the job, so a retried job
 * gives the same number. No outside registry is called: this is the demo's stand-in for one.
 */
export const registerEnterpriseWorker: JobWorker = {
  jobType: 'register-enterprise',
  work(job: WorkerJob): Record<string, unknown> {
    const serial = job.jobId.replace(/-/g, '').slice(0, 8).toUpperCase();
    return { registrationNo: `${job.zoneId.toUpperCase()}-REG-${serial}`, freeSeals: [...FREE_SEALS], sealFee: 0 };
  },
};
