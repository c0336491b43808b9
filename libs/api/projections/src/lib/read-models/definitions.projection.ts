import { decodeDefinitionDeployed, decodeDefinitionStatusChange } from '@banjie/api-core';
import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { sql, type Projection } from './projection';

/**
 * Every deployed version of every zone's process keys, without its XML (the definition stream
 * holds that), and the keys withdrawn now (`DefinitionWithdrawn`, removed by `DefinitionRestored`).
 * Keyed by zone and key: zones deploy the same key independently. (It replaced the read model
 * `definitions` keyed by key alone, whose tables an older data directory still holds, unused; a new
 * name, so its rows are built from the start of the store.)
 */
export const definitionsProjection: Projection = {
  name: 'zone-definitions',
  tables: ['zone_definitions', 'zone_definition_withdrawals'],
  schema: `CREATE TABLE IF NOT EXISTS zone_definitions (
    zone_id TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,
    hash TEXT NOT NULL, deployed_at TEXT NOT NULL, message_start_names TEXT NOT NULL,
    PRIMARY KEY (zone_id, key, version));
    CREATE TABLE IF NOT EXISTS zone_definition_withdrawals (
    zone_id TEXT NOT NULL, key TEXT NOT NULL, withdrawn_at TEXT NOT NULL, PRIMARY KEY (zone_id, key))`,
  apply(db: Database.Database, event: RecordedEvent): void {
    const change = decodeDefinitionStatusChange(event);
    if (change?.withdrawn) sql(db, `INSERT OR REPLACE INTO zone_definition_withdrawals (zone_id, key, withdrawn_at) VALUES (?, ?, ?)`).run(change.zoneId, change.key, change.at);
    if (change && !change.withdrawn) sql(db, `DELETE FROM zone_definition_withdrawals WHERE zone_id = ? AND key = ?`).run(change.zoneId, change.key);
    const record = decodeDefinitionDeployed(event);
    if (!record) return;
    sql(
      db,
      `INSERT OR REPLACE INTO zone_definitions (zone_id, key, version, name, hash, deployed_at, message_start_names)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(record.zoneId, record.key, record.version, record.name, record.hash, record.deployedAt, JSON.stringify(record.messageStartNames));
  },
};
