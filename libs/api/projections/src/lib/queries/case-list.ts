import { Inject, Injectable } from '@nestjs/common';
import type { CaseStatus, CaseSummary, Warning, ZoneId } from '@banjie/contracts';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';
import { listFilter } from './list-filter';

/** Filters of `GET /api/cases`; `zoneId` undefined means every zone. */
export interface CaseFilter {
  zoneId?: string;
  status?: string;
  definitionKey?: string;
  businessKey?: string;
  startedBy?: string;
  limit?: number;
}

/** The column each field of a case filter narrows. */
const CASE_COLUMNS = { zoneId: 'zone_id', status: 'status', definitionKey: 'definition_key', businessKey: 'business_key', startedBy: 'started_by' } as const;

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
}

/** A case of the case list, with who started it. */
export type CaseListEntry = CaseSummary & { startedBy?: string; revision: number };

/** Queries on the case list read model. */
@Injectable()
export class CaseList {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  list(filter: CaseFilter): CaseListEntry[] {
    const { where, params } = listFilter(filter, CASE_COLUMNS);
    const rows = this.db.prepare(`SELECT * FROM cases WHERE ${where} ORDER BY started_at DESC, id LIMIT @limit`).all(params) as CaseRow[];
    return rows.map(toEntry);
  }

  find(id: string): CaseListEntry | undefined {
    const row = this.db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
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
