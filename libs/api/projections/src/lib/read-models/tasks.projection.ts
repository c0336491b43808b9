import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { caseIdOf, dataOf, sql, text, zoneOf, type Projection } from './projection';

/** The task inbox: every user task with its candidates, assignee, deadline and warning. */
export const tasksProjection: Projection = {
  name: 'tasks',
  tables: ['tasks'],
  schema: `CREATE TABLE IF NOT EXISTS tasks (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, zone_id TEXT NOT NULL, element_id TEXT NOT NULL,
    element_instance_id TEXT, name TEXT NOT NULL, assignee TEXT, candidate_groups TEXT NOT NULL,
    candidate_users TEXT NOT NULL, form_id TEXT, created_at TEXT NOT NULL, due_at TEXT, limit_working_days REAL,
    warning TEXT NOT NULL DEFAULT 'none', status TEXT NOT NULL, completed_at TEXT, completed_by TEXT,
    business_key TEXT, definition_key TEXT);
    CREATE INDEX IF NOT EXISTS tasks_zone ON tasks (zone_id, status);
    CREATE INDEX IF NOT EXISTS tasks_case ON tasks (case_id);
    CREATE INDEX IF NOT EXISTS tasks_element_instance ON tasks (element_instance_id)`,
  apply(db: Database.Database, event: RecordedEvent): void {
    const caseId = caseIdOf(event);
    if (!caseId) return;
    const d = dataOf(event);
    switch (event.type) {
      case 'TaskCreated': {
        const owner = sql(db, 'SELECT business_key, definition_key FROM cases WHERE id = ?').get(caseId) as { business_key: string; definition_key: string } | undefined;
        sql(
          db,
          `INSERT OR REPLACE INTO tasks (id, case_id, zone_id, element_id, element_instance_id, name, assignee, candidate_groups,
             candidate_users, form_id, created_at, due_at, limit_working_days, status, business_key, definition_key)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
        ).run(
          String(d['taskId']), caseId, zoneOf(event), String(d['elementId']), text(d, 'elementInstanceId'), String(d['name'] ?? d['elementId']),
          text(d, 'assignee'), JSON.stringify(d['candidateGroups'] ?? []), JSON.stringify(d['candidateUsers'] ?? []), text(d, 'formId'),
          String(d['createdAt']), text(d, 'dueAt'), d['limitWorkingDays'] === undefined ? null : Number(d['limitWorkingDays']),
          owner?.business_key ?? null, owner?.definition_key ?? null,
        );
        return;
      }
      case 'TaskClaimed':
        sql(db, 'UPDATE tasks SET assignee = ? WHERE id = ?').run(String(d['userId']), String(d['taskId']));
        return;
      case 'TaskUnclaimed':
        sql(db, 'UPDATE tasks SET assignee = NULL WHERE id = ?').run(String(d['taskId']));
        return;
      case 'TaskCompleted':
        sql(db, "UPDATE tasks SET status = 'completed', completed_at = ?, completed_by = ? WHERE id = ?").run(text(d, 'at'), text(d, 'userId'), String(d['taskId']));
        return;
      case 'TaskCancelled':
        sql(db, "UPDATE tasks SET status = 'cancelled' WHERE id = ?").run(String(d['taskId']));
        return;
      case 'DeadlineSet':
        if (d['taskId']) sql(db, 'UPDATE tasks SET due_at = ?, limit_working_days = ? WHERE id = ?').run(text(d, 'dueAt'), Number(d['limitWorkingDays']), String(d['taskId']));
        else sql(db, 'UPDATE tasks SET due_at = ?, limit_working_days = ? WHERE element_instance_id = ?').run(text(d, 'dueAt'), Number(d['limitWorkingDays']), text(d, 'elementInstanceId'));
        return;
      case 'DeadlineWarned': {
        const level = text(d, 'level') === 'red' ? 'red' : 'yellow';
        if (d['taskId']) sql(db, 'UPDATE tasks SET warning = ? WHERE id = ?').run(level, String(d['taskId']));
        else sql(db, 'UPDATE tasks SET warning = ? WHERE element_instance_id = ?').run(level, text(d, 'elementInstanceId'));
        return;
      }
      case 'CaseCompleted':
      case 'CaseCancelled':
      case 'CaseTerminated':
        sql(db, "UPDATE tasks SET status = 'cancelled' WHERE case_id = ? AND status = 'open'").run(caseId);
        return;
    }
  },
};
