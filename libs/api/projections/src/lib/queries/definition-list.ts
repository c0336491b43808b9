import { Inject, Injectable } from '@nestjs/common';
import { ListCursor, fetchSize, type Page, type PageRequest } from '@banjie/api-core';
import type { DefinitionSummary, DefinitionVersionSummary } from '@banjie/contracts';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';

interface DefinitionRow {
  key: string;
  version: number;
  name: string;
  zone_id: string;
  deployed_at: string;
  withdrawn?: number;
}

/** Definitions are listed by key; the cursor carries the key. */
const DEFINITION_CURSOR = new ListCursor('definitions', ['string']);

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

  /**
   * One page of the latest version of each key, by key. Withdrawn keys are listed flagged
   * `withdrawn: true` with `withWithdrawn` (designers, admins, auditors), left out otherwise (clerks' start lists).
   */
  latestPage(zoneId: string | undefined, page: PageRequest, withWithdrawn = true): Page<DefinitionSummary & { zoneId: string }> {
    const after = DEFINITION_CURSOR.after(page);
    const rows = this.db
      .prepare(
        `SELECT d.key, d.version, d.name, d.zone_id, d.deployed_at,
           EXISTS (SELECT 1 FROM definition_withdrawals w WHERE w.key = d.key) AS withdrawn FROM definitions d
         WHERE d.version = (SELECT MAX(version) FROM definitions WHERE key = d.key) AND (@zoneId IS NULL OR d.zone_id = @zoneId)
         AND (@withWithdrawn = 1 OR NOT EXISTS (SELECT 1 FROM definition_withdrawals w WHERE w.key = d.key))
         AND (@afterKey IS NULL OR d.key > @afterKey)
         ORDER BY d.key LIMIT @fetch`,
      )
      .all({ zoneId: zoneId ?? null, withWithdrawn: withWithdrawn ? 1 : 0, afterKey: after?.[0] ?? null, fetch: fetchSize(page) }) as DefinitionRow[];
    return DEFINITION_CURSOR.page(rows, page, (row) => [row.key], (r) => ({
      key: r.key,
      version: r.version,
      name: r.name,
      deployedAt: r.deployed_at,
      zoneId: r.zone_id,
      ...(r.withdrawn ? { withdrawn: true } : {}),
    }));
  }

  /** Every version of a key, newest first, with its active cases counted (all of them, not a page). */
  versionsOf(key: string): DefinitionVersionSummary[] {
    const rows = this.db
      .prepare(
        `SELECT d.version, d.deployed_at, COUNT(c.id) AS running FROM definitions d
         LEFT JOIN cases c ON c.zone_id = d.zone_id AND c.status = 'active' AND c.definition_key = d.key AND c.version = d.version
         WHERE d.key = ? GROUP BY d.version, d.deployed_at ORDER BY d.version DESC`,
      )
      .all(key) as { version: number; deployed_at: string; running: number }[];
    return rows.map((r) => ({ version: r.version, deployedAt: r.deployed_at, running: r.running }));
  }

  /** Latest versions whose model starts on a message of this name; a withdrawn key starts nothing. */
  startedByMessage(messageName: string, zoneId: string | undefined): { key: string; version: number; zoneId: string }[] {
    const rows = this.db
      .prepare(
        `SELECT d.key, d.version, d.zone_id FROM definitions d, json_each(d.message_start_names) m
         WHERE m.value = ? AND d.version = (SELECT MAX(version) FROM definitions WHERE key = d.key) AND (? IS NULL OR d.zone_id = ?)
         AND NOT EXISTS (SELECT 1 FROM definition_withdrawals w WHERE w.key = d.key)`,
      )
      .all(messageName, zoneId ?? null, zoneId ?? null) as DefinitionRow[];
    return rows.map((r) => ({ key: r.key, version: r.version, zoneId: r.zone_id }));
  }
}
