import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';

/** A timer waiting to fire. */
export interface OpenTimer {
  id: string;
  caseId: string;
  zoneId: string;
  elementId: string;
  dueAt: string;
  purpose: string;
}

/** Queries on the open-timers read model. */
@Injectable()
export class OpenTimers {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  /** Timers due at or before `now`, oldest first. */
  due(now: string, limit = 500): OpenTimer[] {
    const rows = this.db
      .prepare('SELECT id, case_id, zone_id, element_id, due_at, purpose FROM open_timers WHERE due_ms <= ? ORDER BY due_ms, id LIMIT ?')
      .all(Date.parse(now), limit) as { id: string; case_id: string; zone_id: string; element_id: string; due_at: string; purpose: string }[];
    return rows.map((r) => ({ id: r.id, caseId: r.case_id, zoneId: r.zone_id, elementId: r.element_id, dueAt: r.due_at, purpose: r.purpose }));
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM open_timers').get() as { n: number }).n;
  }
}
