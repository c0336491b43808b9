import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { caseIdOf, dataOf, sql, zoneOf, type Projection } from './projection';

const CASE_END = new Set(['CaseCompleted', 'CaseCancelled', 'CaseTerminated']);

/** Timers scheduled and not yet fired or cancelled: what the timer scheduler fires when due. */
export const openTimersProjection: Projection = {
  name: 'open-timers',
  tables: ['open_timers'],
  schema: `CREATE TABLE IF NOT EXISTS open_timers (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, zone_id TEXT NOT NULL, element_id TEXT NOT NULL,
    due_at TEXT NOT NULL, due_ms INTEGER NOT NULL, purpose TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS open_timers_due ON open_timers (due_ms);
    CREATE INDEX IF NOT EXISTS open_timers_case ON open_timers (case_id)`,
  apply(db: Database.Database, event: RecordedEvent): void {
    const caseId = caseIdOf(event);
    if (!caseId) return;
    const d = dataOf(event);
    if (event.type === 'TimerScheduled') {
      const dueAt = String(d['dueAt']);
      sql(db, 'INSERT OR REPLACE INTO open_timers (id, case_id, zone_id, element_id, due_at, due_ms, purpose) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        String(d['timerId']), caseId, zoneOf(event), String(d['elementId']), dueAt, Date.parse(dueAt), String(d['purpose'] ?? 'timer'),
      );
    } else if (event.type === 'TimerFired' || event.type === 'TimerCancelled') {
      sql(db, 'DELETE FROM open_timers WHERE id = ?').run(String(d['timerId']));
    } else if (CASE_END.has(event.type)) {
      sql(db, 'DELETE FROM open_timers WHERE case_id = ?').run(caseId);
    }
  },
};
