import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';
import { ListCursor, allRows, fetchSize, type Page, type PageRequest } from '@banjie/api-core';

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

/** Incidents are listed oldest first; the cursor carries `since` and the incident id. */
const INCIDENT_CURSOR = new ListCursor('incidents', ['string', 'string']);

/** Queries on the incidents read model. */
@Injectable()
export class IncidentList {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  find(id: string): IncidentEntry | undefined {
    const row = this.db.prepare('SELECT * FROM incidents WHERE id = ?').get(id) as IncidentRow | undefined;
    return row && toIncident(row);
  }

  /** Open incidents of one zone, or of every zone when `zoneId` is undefined; oldest first. */
  list(filter: { zoneId?: string }): IncidentEntry[] {
    return allRows((request) => this.page(filter, request));
  }

  /** One page of the open incidents, oldest first. */
  page(filter: { zoneId?: string }, page: PageRequest = {}): Page<IncidentEntry> {
    const after = INCIDENT_CURSOR.after(page);
    const rows = this.db
      .prepare(
        `SELECT * FROM incidents WHERE (@zoneId IS NULL OR zone_id = @zoneId)
         AND (@afterSince IS NULL OR since > @afterSince OR (since = @afterSince AND id > @afterId))
         ORDER BY since, id LIMIT @fetch`,
      )
      .all({ zoneId: filter.zoneId ?? null, afterSince: after?.[0] ?? null, afterId: after?.[1] ?? null, fetch: fetchSize(page) }) as IncidentRow[];
    return INCIDENT_CURSOR.page(rows, page, (row) => [row.since, row.id], toIncident);
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
