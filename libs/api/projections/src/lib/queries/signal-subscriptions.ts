import { Inject, Injectable } from '@nestjs/common';
import { comparePositions } from '@banjie/api-core';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';

/** Queries on the signal-subscriptions read model. */
@Injectable()
export class SignalSubscriptions {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  /**
   * Ids of the cases of `zoneId` with an open subscription to this signal that was opened before
   * the store position `thrownAt` (a signal reaches the cases waiting when it was thrown, as in Zeebe).
   */
  waitingCases(signalName: string, zoneId: string, thrownAt: string): string[] {
    const rows = this.db
      .prepare('SELECT case_id, opened_at FROM signal_subscriptions WHERE zone_id = ? AND signal_name = ? ORDER BY case_id')
      .all(zoneId, signalName) as { case_id: string; opened_at: string }[];
    return [...new Set(rows.filter((r) => comparePositions(r.opened_at, thrownAt) < 0).map((r) => r.case_id))];
  }
}
