import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';

/** Queries on the message-subscriptions read model. */
@Injectable()
export class MessageSubscriptions {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  /** Ids of the cases waiting for this message and key (in one zone, or all when `zoneId` is undefined). */
  waitingCases(messageName: string, correlationKey: string, zoneId: string | undefined): string[] {
    const rows = this.db
      .prepare('SELECT DISTINCT case_id FROM message_subscriptions WHERE message_name = ? AND correlation_key = ? AND (? IS NULL OR zone_id = ?) ORDER BY case_id')
      .all(messageName, correlationKey, zoneId ?? null, zoneId ?? null) as { case_id: string }[];
    return rows.map((r) => r.case_id);
  }
}
