import type { WorkingCalendars } from '@banjie/api-core';
import type { Projection } from './projection';
import { caseProjection, sql, type CaseEventRow } from './projection';

/** The case list: one row per case with its status, warning level and, once closed, the working days it took. */
export function casesProjection(calendars: WorkingCalendars): Projection {
  // The newest revision of each case seen in the batch: one write per case, not one per event.
  const revisions = new Map<string, number>();
  const end = (status: 'completed' | 'cancelled' | 'terminated') => ({ endedAt }: { endedAt: string }, { db, caseId, event }: CaseEventRow) => {
    const row = sql(db, 'SELECT started_at, zone_id FROM cases WHERE id = ?').get(caseId) as { started_at: string; zone_id: string } | undefined;
    const workingDays = row ? calendars.forZone(row.zone_id).workingDaysBetween(row.started_at, endedAt) : null;
    sql(db, 'UPDATE cases SET status = ?, ended_at = ?, working_days = ?, revision = ? WHERE id = ?').run(status, endedAt, workingDays, Number(event.revision), caseId);
  };
  return caseProjection({
    name: 'cases',
    tables: ['cases'],
    schema: `CREATE TABLE IF NOT EXISTS cases (
      id TEXT PRIMARY KEY, zone_id TEXT NOT NULL, definition_key TEXT NOT NULL, version INTEGER NOT NULL,
      business_key TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT,
      started_by TEXT, warning TEXT NOT NULL DEFAULT 'none', working_days REAL, revision INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS cases_zone ON cases (zone_id, status)`,
    on: {
      CaseStarted(started, { db, caseId, zoneId, event }) {
        const actor = event.metadata['actor'] as { id?: string } | undefined;
        sql(
          db,
          `INSERT OR REPLACE INTO cases (id, zone_id, definition_key, version, business_key, status, started_at, started_by, revision)
           VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
        ).run(caseId, started.zoneId || zoneId, started.definitionKey, started.version, started.businessKey ?? '', started.startedAt, actor?.id ?? null, Number(event.revision));
      },
      CaseCompleted: end('completed'),
      CaseCancelled: end('cancelled'),
      CaseTerminated: end('terminated'),
      DeadlineWarned(warned, { db, caseId, event }) {
        const upgrade = warned.level === 'red' ? "'red'" : "CASE WHEN warning = 'red' THEN 'red' ELSE 'yellow' END";
        sql(db, `UPDATE cases SET warning = ${upgrade}, revision = ? WHERE id = ?`).run(Number(event.revision), caseId);
      },
    },
    otherwise: ({ caseId, event }) => void revisions.set(caseId, Number(event.revision)),
    flush(db) {
      const update = sql(db, 'UPDATE cases SET revision = MAX(revision, ?) WHERE id = ?');
      for (const [caseId, revision] of revisions) update.run(revision, caseId);
      revisions.clear();
    },
  });
}
