import { Inject, Injectable } from '@nestjs/common';
import type { CaseStatus, CaseSummary, Warning, ZoneId } from '@banjie/contracts';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';

/** Filters of `GET /api/cases`; `zoneId` undefined means every zone. */
export interface CaseFilter {
  zoneId?: string;
  status?: string;
  definitionKey?: string;
  businessKey?: string;
  startedBy?: string;
  limit?: number;
}

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
    const rows = this.db
      .prepare(
        `SELECT * FROM cases WHERE (@zoneId IS NULL OR zone_id = @zoneId) AND (@status IS NULL OR status = @status)
         AND (@definitionKey IS NULL OR definition_key = @definitionKey) AND (@businessKey IS NULL OR business_key = @businessKey)
         AND (@startedBy IS NULL OR started_by = @startedBy)
         ORDER BY started_at DESC, id LIMIT @limit`,
      )
      .all({
        zoneId: filter.zoneId ?? null,
        status: filter.status ?? null,
        definitionKey: filter.definitionKey ?? null,
        businessKey: filter.businessKey ?? null,
        startedBy: filter.startedBy ?? null,
        limit: filter.limit ?? 1000,
      }) as CaseRow[];
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
