import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';

/** Queries on the open deadlines of the deadline board read model. */
@Injectable()
export class OpenDeadlines {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  /** The cases with a deadline not yet cleared, in one zone or in every zone; a calendar change counts them again. */
  casesWithOpenDeadlines(zoneId?: string): string[] {
    const rows = (
      zoneId === undefined
        ? this.db.prepare('SELECT DISTINCT case_id FROM deadlines WHERE cleared_at IS NULL').all()
        : this.db.prepare('SELECT DISTINCT case_id FROM deadlines WHERE zone_id = ? AND cleared_at IS NULL').all(zoneId)
    ) as { case_id: string }[];
    return rows.map((r) => r.case_id);
  }
}
