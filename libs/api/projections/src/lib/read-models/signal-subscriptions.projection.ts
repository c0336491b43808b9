import { caseProjection, dropRowsWhenCaseEnds, sql } from './projection';

/** Cases waiting for a signal, by signal name, with the store position where each began to wait (signals reach every waiting case of their zone). */
export const signalSubscriptionsProjection = caseProjection({
  name: 'signal-subscriptions',
  tables: ['signal_subscriptions'],
  schema: `CREATE TABLE IF NOT EXISTS signal_subscriptions (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, zone_id TEXT NOT NULL, signal_name TEXT NOT NULL, element_id TEXT NOT NULL,
    opened_at TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS signal_subscriptions_name ON signal_subscriptions (zone_id, signal_name);
    CREATE INDEX IF NOT EXISTS signal_subscriptions_case ON signal_subscriptions (case_id)`,
  on: {
    SignalSubscriptionOpened: (opened, { db, caseId, zoneId, event }) =>
      void sql(db, 'INSERT OR REPLACE INTO signal_subscriptions (id, case_id, zone_id, signal_name, element_id, opened_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        opened.subscriptionId, caseId, zoneId, opened.signalName, opened.elementId, event.position,
      ),
    SignalSubscriptionClosed: (closed, { db }) => void sql(db, 'DELETE FROM signal_subscriptions WHERE id = ?').run(closed.subscriptionId),
    ...dropRowsWhenCaseEnds('signal_subscriptions'),
  },
});
