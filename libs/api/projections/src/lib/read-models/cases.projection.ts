import type { RecordedEvent } from '@banjie/event-store';
import type { WorkingCalendars } from '@banjie/api-core';
import type Database from 'better-sqlite3';
import { caseIdOf, dataOf, sql, text, zoneOf, type Projection } from './projection';

const END_STATUS: Record<string, string> = { CaseCompleted: 'completed', CaseCancelled: 'cancelled', CaseTerminated: 'terminated' };

/** The case list: one row per case with its status, warning level and, once closed, the working days it took. */
export function casesProjection(calendars: WorkingCalendars): Projection {
  // The newest revision of each case seen in the batch: one write per case, not one per event.
  const revisions = new Map<string, number>();
  return {
    name: 'cases',
    tables: ['cases'],
    schema: `CREATE TABLE IF NOT EXISTS cases (
      id TEXT PRIMARY KEY, zone_id TEXT NOT NULL, definition_key TEXT NOT NULL, version INTEGER NOT NULL,
      business_key TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT,
      started_by TEXT, warning TEXT NOT NULL DEFAULT 'none', working_days REAL, revision INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS cases_zone ON cases (zone_id, status)`,
    apply(db: Database.Database, event: RecordedEvent): void {
      const caseId = caseIdOf(event);
      if (!caseId) return;
      const d = dataOf(event);
      const revision = Number(event.revision);
      if (event.type === 'CaseStarted') {
        const actor = event.metadata['actor'] as { id?: string } | undefined;
        sql(
          db,
          `INSERT OR REPLACE INTO cases (id, zone_id, definition_key, version, business_key, status, started_at, started_by, revision)
           VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
        ).run(caseId, String(d['zoneId'] ?? zoneOf(event)), String(d['definitionKey']), Number(d['version']), String(d['businessKey'] ?? ''), String(d['startedAt']), actor?.id ?? null, revision);
        return;
      }
      const status = END_STATUS[event.type];
      if (status) {
        const endedAt = String(d['endedAt']);
        const row = sql(db, 'SELECT started_at, zone_id FROM cases WHERE id = ?').get(caseId) as { started_at: string; zone_id: string } | undefined;
        const workingDays = row ? calendars.forZone(row.zone_id).workingDaysBetween(row.started_at, endedAt) : null;
        sql(db, 'UPDATE cases SET status = ?, ended_at = ?, working_days = ?, revision = ? WHERE id = ?').run(status, endedAt, workingDays, revision, caseId);
        return;
      }
      if (event.type === 'DeadlineWarned') {
        const level = text(d, 'level');
        const upgrade = level === 'red' ? "'red'" : "CASE WHEN warning = 'red' THEN 'red' ELSE 'yellow' END";
        sql(db, `UPDATE cases SET warning = ${upgrade}, revision = ? WHERE id = ?`).run(revision, caseId);
        return;
      }
      revisions.set(caseId, revision);
    },
    flush(db: Database.Database): void {
      const update = sql(db, 'UPDATE cases SET revision = MAX(revision, ?) WHERE id = ?');
      for (const [caseId, revision] of revisions) update.run(revision, caseId);
      revisions.clear();
    },
  };
}
