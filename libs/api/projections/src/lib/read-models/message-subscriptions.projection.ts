import { caseProjection, dropRowsWhenCaseEnds, sql } from './projection';

/** Cases waiting for a message, by message name and correlation key. */
export const messageSubscriptionsProjection = caseProjection({
  name: 'message-subscriptions',
  tables: ['message_subscriptions'],
  schema: `CREATE TABLE IF NOT EXISTS message_subscriptions (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, zone_id TEXT NOT NULL, message_name TEXT NOT NULL,
    correlation_key TEXT NOT NULL, element_id TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS message_subscriptions_name ON message_subscriptions (message_name, correlation_key);
    CREATE INDEX IF NOT EXISTS message_subscriptions_case ON message_subscriptions (case_id)`,
  on: {
    MessageSubscriptionOpened: (opened, { db, caseId, zoneId }) =>
      void sql(db, 'INSERT OR REPLACE INTO message_subscriptions (id, case_id, zone_id, message_name, correlation_key, element_id) VALUES (?, ?, ?, ?, ?, ?)').run(
        opened.subscriptionId, caseId, zoneId, opened.messageName, opened.correlationKey, opened.elementId,
      ),
    MessageSubscriptionClosed: (closed, { db }) => void sql(db, 'DELETE FROM message_subscriptions WHERE id = ?').run(closed.subscriptionId),
    ...dropRowsWhenCaseEnds('message_subscriptions'),
  },
});
