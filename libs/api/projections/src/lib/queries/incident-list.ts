import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';
import { DEFAULT_LIST_LIMIT } from './list-filter';

/** An open incident: a token of a case waits at an element until someone fixes what failed and retries. */
export interface IncidentEntry {
  id: string;
  caseId: string;
  zoneId: string;
  businessKey: string;
  definitionKey: string;
  elementId: string;
  message: string;
  since: string;
}

/** Queries on the incidents read model. */
@Injectable()
export class IncidentList {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  find(id: string): IncidentEntry | undefined {
    const row = this.db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
    return row && toIncident(row);
  }

  /** Open incidents of one zone, or of every zone when `zoneId` is undefined; oldest first. */
  list(filter: { zoneId?: string; limit?: number }): IncidentEntry[] {
    const rows = this.db
      .prepare('SELECT * FROM incidents WHERE (@zoneId IS NULL OR zone_id = @zoneId) ORDER BY since, id LIMIT @limit')
      .all({ zoneId: filter.zoneId ?? null, limit: filter.limit ?? DEFAULT_LIST_LIMIT }) as IncidentRow[];
    return rows.map(toIncident);
  }
}

interface IncidentRow {
  id: string;
  case_id: string;
  zone_id: string;
  element_id: string;
  message: string;
  since: string;
  business_key: string | null;
  definition_key: string | null;
}

function toIncident(r: IncidentRow): IncidentEntry {
  return {
    id: r.id,
    caseId: r.case_id,
    zoneId: r.zone_id,
    businessKey: r.business_key ?? '',
    definitionKey: r.definition_key ?? '',
    elementId: r.element_id,
    message: r.message,
    since: r.since,
  };
}
