import { Inject, Injectable } from '@nestjs/common';
import { ListCursor, allRows, fetchSize, type Page, type PageRequest } from '@banjie/api-core';
import type { TaskView, Warning } from '@banjie/contracts';
import type Database from 'better-sqlite3';
import { sql } from '../read-models/projection';
import { READ_MODEL_DB } from '../read-models/read-model-database';
import { listFilter } from './list-filter';

/** Filters of `GET /api/tasks`: `zoneId` undefined means every zone. */
export interface TaskFilter {
  zoneId?: string;
  status?: 'open' | 'completed';
  /** Only tasks assigned to this user. */
  assignee?: string;
  /** Only unassigned tasks offered to this user or one of these groups. */
  candidate?: { userId: string; groups: readonly string[] };
  /** Only tasks assigned to this user or unassigned and offered to the user or one of the groups (the default inbox). */
  mineOrCandidate?: { userId: string; groups: readonly string[] };
  caseId?: string;
}

/** The inbox is ordered oldest first; its cursor carries `created_at` and the task id. */
const TASK_CURSOR = new ListCursor('tasks', ['string', 'string']);

/** An unassigned task offered to `@<user>` or one of the groups in `@<groups>` (a JSON array). */
function offered(user: string, groups: string): string {
  return `(assignee IS NULL AND (
              EXISTS (SELECT 1 FROM json_each(candidate_users) WHERE value = @${user})
              OR EXISTS (SELECT 1 FROM json_each(candidate_groups) WHERE value IN (SELECT value FROM json_each(@${groups})))))`;
}

/** The column each plain field of a task filter narrows (`candidate` has its own condition). */
const TASK_COLUMNS = { zoneId: 'zone_id', status: 'status', assignee: 'assignee', caseId: 'case_id' } as const;

interface TaskRow {
  id: string;
  case_id: string;
  zone_id: string;
  element_id: string;
  name: string;
  assignee: string | null;
  candidate_groups: string;
  candidate_users: string;
  form_id: string | null;
  created_at: string;
  due_at: string | null;
  limit_working_days: number | null;
  warning: string;
  status: string;
  completed_at: string | null;
  completed_by: string | null;
  business_key: string | null;
  definition_key: string | null;
}

/** A task of the inbox, with the zone of its case. */
export type InboxTask = TaskView & { zoneId: string };

/** Queries on the task inbox read model. */
@Injectable()
export class TaskInbox {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  /** Every task matching the filter, oldest first. */
  list(filter: TaskFilter): InboxTask[] {
    return allRows((request) => this.page(filter, request));
  }

  /** One page of the tasks matching the filter, oldest first. */
  page(filter: TaskFilter, page: PageRequest = {}): Page<InboxTask> {
    const after = TASK_CURSOR.after(page);
    const { where, params } = listFilter(filter, TASK_COLUMNS);
    const rows = this.db
      .prepare(
        `SELECT * FROM tasks WHERE ${where}
         AND (@candidateUser IS NULL OR ${offered('candidateUser', 'candidateGroups')})
         AND (@reachUser IS NULL OR assignee = @reachUser OR ${offered('reachUser', 'reachGroups')})
         AND (@afterCreated IS NULL OR created_at > @afterCreated OR (created_at = @afterCreated AND id > @afterId))
         ORDER BY created_at, id LIMIT @fetch`,
      )
      .all({
        ...params,
        candidateUser: filter.candidate?.userId ?? null,
        candidateGroups: JSON.stringify(filter.candidate?.groups ?? []),
        reachUser: filter.mineOrCandidate?.userId ?? null,
        reachGroups: JSON.stringify(filter.mineOrCandidate?.groups ?? []),
        afterCreated: after?.[0] ?? null,
        afterId: after?.[1] ?? null,
        fetch: fetchSize(page),
      }) as TaskRow[];
    return TASK_CURSOR.page(rows, page, (row) => [row.created_at, row.id], toInboxTask);
  }

  find(id: string): InboxTask | undefined {
    // Every task command looks its task up here: the statement is compiled once.
    const row = sql(this.db, 'SELECT * FROM tasks WHERE id = ?').get(id) as TaskRow | undefined;
    return row && toInboxTask(row);
  }
}

function toInboxTask(r: TaskRow): InboxTask {
  return {
    id: r.id,
    caseId: r.case_id,
    zoneId: r.zone_id,
    elementId: r.element_id,
    name: r.name,
    ...(r.assignee ? { assignee: r.assignee } : {}),
    candidateGroups: JSON.parse(r.candidate_groups) as string[],
    candidateUsers: JSON.parse(r.candidate_users) as string[],
    ...(r.form_id ? { formId: r.form_id } : {}),
    createdAt: r.created_at,
    ...(r.due_at ? { dueAt: r.due_at } : {}),
    ...(r.limit_working_days !== null ? { limitWorkingDays: r.limit_working_days } : {}),
    warning: r.warning as Warning,
    status: r.status as 'open' | 'completed',
    ...(r.completed_at ? { completedAt: r.completed_at } : {}),
    ...(r.completed_by ? { completedBy: r.completed_by } : {}),
    ...(r.business_key ? { businessKey: r.business_key } : {}),
    ...(r.definition_key ? { definitionKey: r.definition_key } : {}),
  };
}
