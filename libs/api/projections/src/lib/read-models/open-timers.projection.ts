import { caseProjection, dropRowsWhenCaseEnds, sql } from './projection';

/** Timers scheduled and not yet fired or cancelled: what the timer scheduler fires when due. */
export const openTimersProjection = caseProjection({
  name: 'open-timers',
  tables: ['open_timers'],
  schema: `CREATE TABLE IF NOT EXISTS open_timers (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, zone_id TEXT NOT NULL, element_id TEXT NOT NULL,
    due_at TEXT NOT NULL, due_ms INTEGER NOT NULL, purpose TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS open_timers_due ON open_timers (due_ms);
    CREATE INDEX IF NOT EXISTS open_timers_case ON open_timers (case_id)`,
  on: {
    TimerScheduled: (timer, { db, caseId, zoneId }) =>
      void sql(db, 'INSERT OR REPLACE INTO open_timers (id, case_id, zone_id, element_id, due_at, due_ms, purpose) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        timer.timerId, caseId, zoneId, timer.elementId, timer.dueAt, Date.parse(timer.dueAt), timer.purpose,
      ),
    TimerFired: (fired, { db }) => void sql(db, 'DELETE FROM open_timers WHERE id = ?').run(fired.timerId),
    TimerCancelled: (cancelled, { db }) => void sql(db, 'DELETE FROM open_timers WHERE id = ?').run(cancelled.timerId),
    ...dropRowsWhenCaseEnds('open_timers'),
  },
});
