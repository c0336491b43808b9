import { Inject, Injectable } from '@nestjs/common';
import type { DefinitionSummary } from '@banjie/contracts';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';

interface DefinitionRow {
  key: string;
  version: number;
  name: string;
  zone_id: string;
  deployed_at: string;
}

/** Queries on the definitions read model. `zoneId` undefined means every zone. */
@Injectable()
export class DefinitionList {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  /** The latest version of each key. */
  latest(zoneId: string | undefined): (DefinitionSummary & { zoneId: string })[] {
    const rows = this.db
      .prepare(
        `SELECT d.key, d.version, d.name, d.zone_id, d.deployed_at FROM definitions d
         WHERE d.version = (SELECT MAX(version) FROM definitions WHERE key = d.key) AND (? IS NULL OR d.zone_id = ?)
         ORDER BY d.key`,
      )
      .all(zoneId ?? null, zoneId ?? null) as DefinitionRow[];
    return rows.map((r) => ({ key: r.key, version: r.version, name: r.name, deployedAt: r.deployed_at, zoneId: r.zone_id }));
  }

  /** Latest versions whose model starts on a message of this name. */
  startedByMessage(messageName: string, zoneId: string | undefined): { key: string; version: number; zoneId: string }[] {
    const rows = this.db
      .prepare(
        `SELECT d.key, d.version, d.zone_id FROM definitions d, json_each(d.message_start_names) m
         WHERE m.value = ? AND d.version = (SELECT MAX(version) FROM definitions WHERE key = d.key) AND (? IS NULL OR d.zone_id = ?)`,
      )
      .all(messageName, zoneId ?? null, zoneId ?? null) as DefinitionRow[];
    return rows.map((r) => ({ key: r.key, version: r.version, zoneId: r.zone_id }));
  }
}
