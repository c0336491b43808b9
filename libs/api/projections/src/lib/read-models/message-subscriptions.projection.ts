import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { caseIdOf, dataOf, sql, zoneOf, type Projection } from './projection';

const CASE_END = new Set(['CaseCompleted', 'CaseCancelled', 'CaseTerminated']);

/** Cases waiting for a message, by message name and correlation key. */
export const messageSubscriptionsProjection: Projection = {
  name: 'message-subscriptions',
  tables: ['message_subscriptions'],
  schema: `CREATE TABLE IF NOT EXISTS message_subscriptions (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, zone_id TEXT NOT NULL, message_name TEXT NOT NULL,
    correlation_key TEXT NOT NULL, element_id TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS message_subscriptions_name ON message_subscriptions (message_name, correlation_key);
    CREATE INDEX IF NOT EXISTS message_subscriptions_case ON message_subscriptions (case_id)`,
  apply(db: Database.Database, event: RecordedEvent): void {
    const caseId = caseIdOf(event);
    if (!caseId) return;
    const d = dataOf(event);
    if (event.type === 'MessageSubscriptionOpened') {
      sql(db, 'INSERT OR REPLACE INTO message_subscriptions (id, case_id, zone_id, message_name, correlation_key, element_id) VALUES (?, ?, ?, ?, ?, ?)').run(
        String(d['subscriptionId']), caseId, zoneOf(event), String(d['messageName']), String(d['correlationKey'] ?? ''), String(d['elementId']),
      );
    } else if (event.type === 'MessageSubscriptionClosed') {
      sql(db, 'DELETE FROM message_subscriptions WHERE id = ?').run(String(d['subscriptionId']));
    } else if (CASE_END.has(event.type)) {
      sql(db, 'DELETE FROM message_subscriptions WHERE case_id = ?').run(caseId);
    }
  },
};
