import { decodeDefinitionDeployed, decodeDefinitionStatusChange } from '@banjie/api-core';
import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { sql, type Projection } from './projection';

/**
 * Every deployed version of every process definition, without its XML (the definition stream
 * holds that), and the keys withdrawn now (`DefinitionWithdrawn`, removed by `DefinitionRestored`).
 */
export const definitionsProjection: Projection = {
  name: 'definitions',
  tables: ['definitions', 'definition_withdrawals'],
  schema: `CREATE TABLE IF NOT EXISTS definitions (
    key TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, zone_id TEXT NOT NULL,
    hash TEXT NOT NULL, deployed_at TEXT NOT NULL, message_start_names TEXT NOT NULL,
    PRIMARY KEY (key, version));
    CREATE TABLE IF NOT EXISTS definition_withdrawals (key TEXT PRIMARY KEY, withdrawn_at TEXT NOT NULL)`,
  apply(db: Database.Database, event: RecordedEvent): void {
    const change = decodeDefinitionStatusChange(event);
    if (change?.withdrawn) sql(db, `INSERT OR REPLACE INTO definition_withdrawals (key, withdrawn_at) VALUES (?, ?)`).run(change.key, change.at);
    if (change && !change.withdrawn) sql(db, `DELETE FROM definition_withdrawals WHERE key = ?`).run(change.key);
    const record = decodeDefinitionDeployed(event);
    if (!record) return;
    sql(
      db,
      `INSERT OR REPLACE INTO definitions (key, version, name, zone_id, hash, deployed_at, message_start_names)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(record.key, record.version, record.name, record.zoneId, record.hash, record.deployedAt, JSON.stringify(record.messageStartNames));
  },
};
