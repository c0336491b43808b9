import { caseProjection, orNull, sql } from './projection';

/** Every legal deadline (红黄牌 board): its limit, due time, warning level and whether it closed in time. */
export const deadlineBoardProjection = caseProjection({
  name: 'deadline-board',
  tables: ['deadlines'],
  schema: `CREATE TABLE IF NOT EXISTS deadlines (
    element_instance_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, zone_id TEXT NOT NULL, element_id TEXT NOT NULL,
    task_id TEXT, limit_working_days REAL NOT NULL, started_at TEXT NOT NULL, yellow_at TEXT, due_at TEXT NOT NULL,
    level TEXT NOT NULL DEFAULT 'none', cleared_at TEXT, on_time INTEGER);
    CREATE INDEX IF NOT EXISTS deadlines_zone ON deadlines (zone_id, cleared_at)`,
  on: {
    DeadlineSet(deadline, { db, caseId, zoneId }) {
      sql(
        db,
        `INSERT OR REPLACE INTO deadlines (element_instance_id, case_id, zone_id, element_id, task_id, limit_working_days, started_at, yellow_at, due_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(deadline.elementInstanceId, caseId, zoneId, deadline.elementId, orNull(deadline.taskId), deadline.limitWorkingDays, deadline.startedAt, deadline.yellowAt, deadline.dueAt);
    },
    DeadlineWarned: (warned, { db }) =>
      void sql(db, `UPDATE deadlines SET level = CASE WHEN level = 'red' THEN 'red' ELSE ? END WHERE element_instance_id = ?`).run(warned.level, warned.elementInstanceId),
    DeadlineCleared: (cleared, { db, event }) =>
      void sql(db, `UPDATE deadlines SET cleared_at = ?, on_time = CASE WHEN level = 'red' THEN 0 ELSE 1 END WHERE element_instance_id = ?`).run(event.recordedAt, cleared.elementInstanceId),
  },
});
