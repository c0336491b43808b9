import type { Variables } from '@banjie/engine';
import type Database from 'better-sqlite3';

/** A message another case sent that no case waited for, kept until it expires. */
export interface BufferedMessage {
  /** The id of the `MessageSent` event: the delivery id every case takes it under. */
  deliveryId: string;
  zoneId: string;
  messageName: string;
  correlationKey: string;
  variables: Variables;
  /** The case that sent it. */
  senderCaseId: string;
  correlationId?: string;
  sentAt: string;
  /** A UTC instant as `toISOString` writes it, so the buffer compares them as text. */
  expiresAt: string;
}

interface BufferedRow {
  delivery_id: string;
  zone_id: string;
  message_name: string;
  correlation_key: string;
  variables: string;
  sender_case_id: string;
  correlation_id: string | null;
  sent_at: string;
  expires_at: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS message_dispatch_checkpoint (name TEXT PRIMARY KEY, position TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS message_buffer (
    delivery_id TEXT PRIMARY KEY, zone_id TEXT NOT NULL, message_name TEXT NOT NULL, correlation_key TEXT NOT NULL,
    variables TEXT NOT NULL, sender_case_id TEXT NOT NULL, correlation_id TEXT, sent_at TEXT NOT NULL, expires_at TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS message_buffer_name ON message_buffer (zone_id, message_name, correlation_key);
  CREATE TABLE IF NOT EXISTS message_buffer_takers (delivery_id TEXT NOT NULL, definition_key TEXT NOT NULL, PRIMARY KEY (delivery_id, definition_key));`;

const CHECKPOINT = 'case-messages';

/**
 * The dispatcher's own tables beside the read models: its checkpoint in the store, and the
 * messages waiting for a case (with the definitions that already took each one). A read-model
 * rebuild leaves them alone: they are not rebuilt from the store but follow the dispatcher.
 */
export class MessageBuffer {
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
  }

  /**
   * Where the dispatcher goes on: after `position` (the last event it finished with), from the
   * start of the store when `position` is undefined; undefined when it never ran on this store.
   */
  checkpoint(): { position: string | undefined } | undefined {
    const row = this.db.prepare('SELECT position FROM message_dispatch_checkpoint WHERE name = ?').get(CHECKPOINT) as { position: string } | undefined;
    return row && { position: row.position === '' ? undefined : row.position };
  }

  /** Records the last event finished with (undefined: none, go on from the start of the store). */
  saveCheckpoint(position: string | undefined): void {
    this.db.prepare('INSERT OR REPLACE INTO message_dispatch_checkpoint (name, position) VALUES (?, ?)').run(CHECKPOINT, position ?? '');
  }

  /** Keeps a message (a second keep of the same delivery changes nothing). */
  keep(message: BufferedMessage): void {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO message_buffer (delivery_id, zone_id, message_name, correlation_key, variables, sender_case_id, correlation_id, sent_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        message.deliveryId, message.zoneId, message.messageName, message.correlationKey, JSON.stringify(message.variables),
        message.senderCaseId, message.correlationId ?? null, message.sentAt, message.expiresAt,
      );
  }

  /**
   * The kept messages of this zone, name and key still alive at `at` that no case of
   * `definitionKey` took yet (Zeebe correlates a buffered message once per process), oldest first.
   */
  waitingFor(zoneId: string, messageName: string, correlationKey: string, at: string, definitionKey: string): BufferedMessage[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM message_buffer b WHERE zone_id = ? AND message_name = ? AND correlation_key = ?
           AND NOT EXISTS (SELECT 1 FROM message_buffer_takers t WHERE t.delivery_id = b.delivery_id AND t.definition_key = ?)
         ORDER BY sent_at, delivery_id`,
      )
      .all(zoneId, messageName, correlationKey, definitionKey) as BufferedRow[];
    return rows.map(toMessage).filter((m) => m.expiresAt > instant(at));
  }

  /** Records that a case of `definitionKey` took the message. */
  taken(deliveryId: string, definitionKey: string): void {
    this.db.prepare('INSERT OR IGNORE INTO message_buffer_takers (delivery_id, definition_key) VALUES (?, ?)').run(deliveryId, definitionKey);
  }

  /** Removes and answers the messages whose time to live ended at or before `now`. */
  expire(now: string): BufferedMessage[] {
    const expired = (this.db.prepare('SELECT * FROM message_buffer WHERE expires_at <= ?').all(instant(now)) as BufferedRow[]).map(toMessage);
    if (expired.length === 0) return [];
    const remove = this.db.prepare('DELETE FROM message_buffer WHERE delivery_id = ?');
    const forget = this.db.prepare('DELETE FROM message_buffer_takers WHERE delivery_id = ?');
    this.db.transaction(() => {
      for (const message of expired) {
        remove.run(message.deliveryId);
        forget.run(message.deliveryId);
      }
    })();
    return expired;
  }

  /** How many messages are kept now. */
  size(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM message_buffer').get() as { n: number }).n;
  }
}

function toMessage(row: BufferedRow): BufferedMessage {
  return {
    deliveryId: row.delivery_id,
    zoneId: row.zone_id,
    messageName: row.message_name,
    correlationKey: row.correlation_key,
    variables: JSON.parse(row.variables) as Variables,
    senderCaseId: row.sender_case_id,
    ...(row.correlation_id !== null ? { correlationId: row.correlation_id } : {}),
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
  };
}

/** `text` as a UTC instant written by `toISOString` (instants written so sort as text). */
function instant(text: string): string {
  return new Date(Date.parse(text)).toISOString();
}
