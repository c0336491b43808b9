import { Inject, Injectable } from '@nestjs/common';
import { ListCursor, fetchSize, type Page, type PageRequest, type SortKey } from '@banjie/api-core';
import type { CaseStatus, CaseSummary, Warning, ZoneId } from '@banjie/contracts';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';
import { listFilter } from './list-filter';

/** How the case list is ordered: newest first, or the nearest open deadline first (cases without one last). */
export type CaseSort = 'newest' | 'due';

/** Filters of `GET /api/cases`; `zoneId` undefined means every zone. */
export interface CaseFilter {
  zoneId?: string;
  status?: string;
  definitionKey?: string;
  businessKey?: string;
  startedBy?: string;
  /** Only cases with an open deadline at this warning level (as `/api/stats` counts yellow and red). */
  warning?: 'yellow' | 'red';
  /** Only cases started at or after this instant (ISO-8601, UTC). */
  startedFrom?: string;
  /** Only cases started before this instant (ISO-8601, UTC). */
  startedTo?: string;
  sort?: CaseSort;
}

/** The column each equality field of a case filter narrows. */
const CASE_COLUMNS = { zoneId: 'c.zone_id', status: 'c.status', definitionKey: 'c.definition_key', businessKey: 'c.business_key', startedBy: 'c.started_by' } as const;

/** The keyset of each sort: its cursor, `ORDER BY` and the condition that resumes after `@afterKey`/`@afterId`. */
const SORTS: Record<CaseSort, { cursor: ListCursor; orderBy: string; after: (key: SortKey) => string; keyOf: (row: CaseRow) => SortKey }> = {
  newest: {
    cursor: new ListCursor('cases:newest', ['string', 'string']),
    orderBy: 'c.started_at DESC, c.id',
    after: () => '(c.started_at < @afterKey OR (c.started_at = @afterKey AND c.id > @afterId))',
    keyOf: (row) => [row.started_at, row.id],
  },
  due: {
    cursor: new ListCursor('cases:due', ['string?', 'string']),
    orderBy: 'nearest.due IS NULL, nearest.due, c.id',
    after: ([due]) => (due === null ? '(nearest.due IS NULL AND @afterKey IS NULL AND c.id > @afterId)' : '(nearest.due IS NULL OR nearest.due > @afterKey OR (nearest.due = @afterKey AND c.id > @afterId))'),
    keyOf: (row) => [row.due, row.id],
  },
};

interface CaseRow {
  id: string;
  zone_id: string;
  definition_key: string;
  version: number;
  business_key: string;
  status: string;
  started_at: string;
  ended_at: string | null;
  started_by: string | null;
  warning: string;
  revision: number;
  /** The nearest due instant of the case's open deadlines. */
  due: string | null;
}

/** A case of the case list, with who started it. */
export type CaseListEntry = CaseSummary & { startedBy?: string; revision: number };

/** Queries on the case list read model. */
@Injectable()
export class CaseList {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  /** One page of the cases matching the filter, in the filter's sort (newest first by default). */
  page(filter: CaseFilter, page: PageRequest = {}): Page<CaseListEntry> {
    const sort = SORTS[filter.sort ?? 'newest'];
    const after = sort.cursor.after(page);
    const { where, params } = listFilter(filter, CASE_COLUMNS);
    const rows = this.db
      .prepare(
        `SELECT c.*, nearest.due AS due FROM cases c
         LEFT JOIN (SELECT case_id, MIN(due_at) AS due FROM deadlines WHERE cleared_at IS NULL GROUP BY case_id) nearest ON nearest.case_id = c.id
         WHERE ${where}
         AND (@warning IS NULL OR EXISTS (SELECT 1 FROM deadlines w WHERE w.case_id = c.id AND w.cleared_at IS NULL AND w.level = @warning))
         AND (@startedFrom IS NULL OR c.started_at >= @startedFrom) AND (@startedTo IS NULL OR c.started_at < @startedTo)
         ${after ? `AND ${sort.after(after)}` : ''}
         ORDER BY ${sort.orderBy} LIMIT @fetch`,
      )
      .all({
        ...params,
        warning: filter.warning ?? null,
        startedFrom: filter.startedFrom ?? null,
        startedTo: filter.startedTo ?? null,
        ...(after ? { afterKey: after[0], afterId: after[1] } : {}),
        fetch: fetchSize(page),
      }) as CaseRow[];
    return sort.cursor.page(rows, page, sort.keyOf, toEntry);
  }

  find(id: string): CaseListEntry | undefined {
    const row = this.db.prepare('SELECT *, NULL AS due FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
    return row && toEntry(row);
  }
}

function toEntry(r: CaseRow): CaseListEntry {
  return {
    id: r.id,
    businessKey: r.business_key,
    definitionKey: r.definition_key,
    version: r.version,
    zoneId: r.zone_id as ZoneId,
    status: r.status as CaseStatus,
    startedAt: r.started_at,
    ...(r.ended_at ? { endedAt: r.ended_at } : {}),
    warning: r.warning as Warning,
    ...(r.started_by ? { startedBy: r.started_by } : {}),
    revision: r.revision,
  };
}
