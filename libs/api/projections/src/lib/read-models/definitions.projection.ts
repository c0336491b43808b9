import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { dataOf, sql, type Projection } from './projection';

/** Every deployed version of every process definition, without its XML (the definition stream holds that). */
export const definitionsProjection: Projection = {
  name: 'definitions',
  tables: ['definitions'],
  schema: `CREATE TABLE IF NOT EXISTS definitions (
    key TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, zone_id TEXT NOT NULL,
    hash TEXT NOT NULL, deployed_at TEXT NOT NULL, message_start_names TEXT NOT NULL,
    PRIMARY KEY (key, version))`,
  apply(db: Database.Database, event: RecordedEvent): void {
    if (event.type !== 'DefinitionDeployed') return;
    const d = dataOf(event);
    sql(
      db,
      `INSERT OR REPLACE INTO definitions (key, version, name, zone_id, hash, deployed_at, message_start_names)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(String(d['key']), Number(d['version']), String(d['name']), String(d['zoneId']), String(d['hash']), String(d['deployedAt']), JSON.stringify(d['messageStartNames'] ?? []));
  },
};
