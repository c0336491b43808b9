import { caseProjection, sql, type CaseEventRow } from './projection';

/** Service-task jobs and their state, so a job id leads to its case. */
export const jobsProjection = caseProjection({
  name: 'jobs',
  tables: ['jobs'],
  schema: `CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, zone_id TEXT NOT NULL, job_type TEXT NOT NULL, element_id TEXT NOT NULL,
    status TEXT NOT NULL, message TEXT);
    CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status);
    CREATE INDEX IF NOT EXISTS jobs_case ON jobs (case_id);
    CREATE INDEX IF NOT EXISTS jobs_type_status ON jobs (job_type, status)`,
  on: {
    JobCreated: (job, { db, caseId, zoneId }) =>
      void sql(db, "INSERT OR REPLACE INTO jobs (id, case_id, zone_id, job_type, element_id, status) VALUES (?, ?, ?, ?, ?, 'open')").run(job.jobId, caseId, zoneId, job.jobType, job.elementId),
    JobCompleted: (done, { db }) => void sql(db, "UPDATE jobs SET status = 'completed' WHERE id = ?").run(done.jobId),
    JobFailed: (failed, { db }) => void sql(db, "UPDATE jobs SET status = 'failed', message = ? WHERE id = ?").run(failed.message, failed.jobId),
    // a job that ended with a BPMN error; resolving its "unhandled error" incident creates it again (open)
    JobErrorThrown: (thrown, { db }) => void sql(db, "UPDATE jobs SET status = 'failed', message = ? WHERE id = ?").run(thrown.errorCode, thrown.jobId),
    JobCancelled: (cancelled, { db }) => void sql(db, "UPDATE jobs SET status = 'cancelled' WHERE id = ?").run(cancelled.jobId),
    CaseCompleted: cancelOpenJobs,
    CaseCancelled: cancelOpenJobs,
    CaseTerminated: cancelOpenJobs,
  },
});

function cancelOpenJobs(_end: unknown, { db, caseId }: CaseEventRow): void {
  sql(db, "UPDATE jobs SET status = 'cancelled' WHERE case_id = ? AND status = 'open'").run(caseId);
}
