import type { EngineEventData } from '@banjie/engine';
import { caseProjection, orNull, sql, type CaseEventRow } from './projection';

/** The task inbox: every user task with its candidates, assignee, deadline and warning. */
export const tasksProjection = caseProjection({
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
  on: {
    TaskCreated(task, { db, caseId, zoneId }) {
      const owner = sql(db, 'SELECT business_key, definition_key FROM cases WHERE id = ?').get(caseId) as { business_key: string; definition_key: string } | undefined;
      sql(
        db,
        `INSERT OR REPLACE INTO tasks (id, case_id, zone_id, element_id, element_instance_id, name, assignee, candidate_groups,
           candidate_users, form_id, created_at, due_at, limit_working_days, status, business_key, definition_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      ).run(
        task.taskId, caseId, zoneId, task.elementId, task.elementInstanceId, task.name || task.elementId,
        orNull(task.assignee), JSON.stringify(task.candidateGroups ?? []), JSON.stringify(task.candidateUsers ?? []), orNull(task.formId),
        task.createdAt, orNull(task.dueAt), orNull(task.limitWorkingDays),
        owner?.business_key ?? null, owner?.definition_key ?? null,
      );
    },
    TaskClaimed: (claim, { db }) => void sql(db, 'UPDATE tasks SET assignee = ? WHERE id = ?').run(claim.userId, claim.taskId),
    TaskUnclaimed: (unclaim, { db }) => void sql(db, 'UPDATE tasks SET assignee = NULL WHERE id = ?').run(unclaim.taskId),
    TaskCompleted: (done, { db }) => void sql(db, "UPDATE tasks SET status = 'completed', completed_at = ?, completed_by = ? WHERE id = ?").run(done.at, done.userId, done.taskId),
    TaskCancelled: (cancelled, { db }) => void sql(db, "UPDATE tasks SET status = 'cancelled' WHERE id = ?").run(cancelled.taskId),
    DeadlineSet(deadline, { db }) {
      if (deadline.taskId) sql(db, 'UPDATE tasks SET due_at = ?, limit_working_days = ? WHERE id = ?').run(deadline.dueAt, deadline.limitWorkingDays, deadline.taskId);
      else sql(db, 'UPDATE tasks SET due_at = ?, limit_working_days = ? WHERE element_instance_id = ?').run(deadline.dueAt, deadline.limitWorkingDays, deadline.elementInstanceId);
    },
    DeadlineWarned(warned, { db }) {
      if (warned.taskId) sql(db, 'UPDATE tasks SET warning = ? WHERE id = ?').run(warned.level, warned.taskId);
      else sql(db, 'UPDATE tasks SET warning = ? WHERE element_instance_id = ?').run(warned.level, warned.elementInstanceId);
    },
    CaseCompleted: cancelOpenTasks,
    CaseCancelled: cancelOpenTasks,
    CaseTerminated: cancelOpenTasks,
  },
});

function cancelOpenTasks(_end: EngineEventData['CaseCompleted' | 'CaseCancelled' | 'CaseTerminated'], { db, caseId }: CaseEventRow): void {
  sql(db, "UPDATE tasks SET status = 'cancelled' WHERE case_id = ? AND status = 'open'").run(caseId);
}
