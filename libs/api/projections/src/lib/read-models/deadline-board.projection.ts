import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { caseIdOf, dataOf, sql, text, zoneOf, type Projection } from './projection';

/** Every legal deadline (红黄牌 board): its limit, due time, warning level and whether it closed in time. */
export const deadlineBoardProjection: Projection = {
  name: 'deadline-board',
  tables: ['deadlines'],
  schema: `CREATE TABLE IF NOT EXISTS deadlines (
    element_instance_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, zone_id TEXT NOT NULL, element_id TEXT NOT NULL,
    task_id TEXT, limit_working_days REAL NOT NULL, started_at TEXT NOT NULL, yellow_at TEXT, due_at TEXT NOT NULL,
    level TEXT NOT NULL DEFAULT 'none', cleared_at TEXT, on_time INTEGER);
    CREATE INDEX IF NOT EXISTS deadlines_zone ON deadlines (zone_id, cleared_at)`,
  apply(db: Database.Database, event: RecordedEvent): void {
    const caseId = caseIdOf(event);
    if (!caseId) return;
    const d = dataOf(event);
    if (event.type === 'DeadlineSet') {
      sql(
        db,
        `INSERT OR REPLACE INTO deadlines (element_instance_id, case_id, zone_id, element_id, task_id, limit_working_days, started_at, yellow_at, due_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(String(d['elementInstanceId']), caseId, zoneOf(event), String(d['elementId']), text(d, 'taskId'), Number(d['limitWorkingDays']), String(d['startedAt']), text(d, 'yellowAt'), String(d['dueAt']));
    } else if (event.type === 'DeadlineWarned') {
      const level = text(d, 'level') === 'red' ? 'red' : 'yellow';
      sql(db, `UPDATE deadlines SET level = CASE WHEN level = 'red' THEN 'red' ELSE ? END WHERE element_instance_id = ?`).run(level, String(d['elementInstanceId']));
    } else if (event.type === 'DeadlineCleared') {
      sql(db, `UPDATE deadlines SET cleared_at = ?, on_time = CASE WHEN level = 'red' THEN 0 ELSE 1 END WHERE element_instance_id = ?`).run(event.recordedAt, String(d['elementInstanceId']));
    }
  },
};
