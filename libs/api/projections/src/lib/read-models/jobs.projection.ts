import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { caseIdOf, dataOf, sql, text, zoneOf, type Projection } from './projection';

/** Service-task jobs and their state, so a job id leads to its case. */
export const jobsProjection: Projection = {
  name: 'jobs',
  tables: ['jobs'],
  schema: `CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, zone_id TEXT NOT NULL, job_type TEXT NOT NULL, element_id TEXT NOT NULL,
    status TEXT NOT NULL, message TEXT);
    CREATE INDEX IF NOT EXISTS jobs_status ON jobs (status);
    CREATE INDEX IF NOT EXISTS jobs_case ON jobs (case_id)`,
  apply(db: Database.Database, event: RecordedEvent): void {
    const caseId = caseIdOf(event);
    if (!caseId) return;
    const d = dataOf(event);
    if (event.type === 'JobCreated') {
      sql(db, "INSERT OR REPLACE INTO jobs (id, case_id, zone_id, job_type, element_id, status) VALUES (?, ?, ?, ?, ?, 'open')").run(
        String(d['jobId']), caseId, zoneOf(event), String(d['jobType']), String(d['elementId']),
      );
    } else if (event.type === 'JobCompleted') {
      sql(db, "UPDATE jobs SET status = 'completed' WHERE id = ?").run(String(d['jobId']));
    } else if (event.type === 'JobFailed') {
      sql(db, "UPDATE jobs SET status = 'failed', message = ? WHERE id = ?").run(text(d, 'message'), String(d['jobId']));
    } else if (['CaseCompleted', 'CaseCancelled', 'CaseTerminated'].includes(event.type)) {
      sql(db, "UPDATE jobs SET status = 'cancelled' WHERE case_id = ? AND status = 'open'").run(caseId);
    }
  },
};
