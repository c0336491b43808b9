import { Inject, Injectable } from '@nestjs/common';
import { ListCursor, fetchSize, type Page, type PageRequest } from '@banjie/api-core';
import type { DefinitionSummary, DefinitionVersionSummary, ZoneId } from '@banjie/contracts';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';

interface DefinitionRow {
  key: string;
  version: number;
  name: string;
  zone_id: ZoneId;
  deployed_at: string;
  withdrawn?: number;
}

/** Definitions are listed by key, then zone (province-wide users see one row per zone of a key); the cursor carries both. */
const DEFINITION_CURSOR = new ListCursor('definitions:zone', ['string', 'string']);
/** The cursor of before zone-scoped keys, by key alone: still taken, it resumes after every zone's row of its key. */
const KEY_CURSOR = new ListCursor('definitions', ['string']);
/** Sorts after every zone code. */
const AFTER_EVERY_ZONE = '\uffff';

/** The latest version of each zone's key. */
const LATEST = `d.version = (SELECT MAX(version) FROM zone_definitions WHERE zone_id = d.zone_id AND key = d.key)`;
/** The zone's key is withdrawn now. */
const WITHDRAWN = `EXISTS (SELECT 1 FROM zone_definition_withdrawals w WHERE w.zone_id = d.zone_id AND w.key = d.key)`;

/** Queries on the definitions read model. `zoneId` undefined means every zone. */
@Injectable()
export class DefinitionList {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  /** The latest version of each zone's key. */
  latest(zoneId: string | undefined): (DefinitionSummary & { zoneId: ZoneId })[] {
    const rows = this.db
      .prepare(
        `SELECT d.key, d.version, d.name, d.zone_id, d.deployed_at FROM zone_definitions d
         WHERE ${LATEST} AND (? IS NULL OR d.zone_id = ?)
         ORDER BY d.key, d.zone_id`,
      )
      .all(zoneId ?? null, zoneId ?? null) as DefinitionRow[];
    return rows.map((r) => ({ key: r.key, version: r.version, name: r.name, deployedAt: r.deployed_at, zoneId: r.zone_id }));
  }

  /**
   * One page of the latest version of each zone's key, by key and zone. Withdrawn keys are listed flagged
   * `withdrawn: true` with `withWithdrawn` (designers, admins, auditors), left out otherwise (clerks' start lists).
   */
  latestPage(zoneId: string | undefined, page: PageRequest, withWithdrawn = true): Page<DefinitionSummary & { zoneId: ZoneId }> {
    const [afterKey, afterZone] = resumeAfter(page) ?? [null, null];
    const rows = this.db
      .prepare(
        `SELECT d.key, d.version, d.name, d.zone_id, d.deployed_at, ${WITHDRAWN} AS withdrawn FROM zone_definitions d
         WHERE ${LATEST} AND (@zoneId IS NULL OR d.zone_id = @zoneId)
         AND (@withWithdrawn = 1 OR NOT ${WITHDRAWN})
         AND (@afterKey IS NULL OR d.key > @afterKey OR (d.key = @afterKey AND d.zone_id > @afterZone))
         ORDER BY d.key, d.zone_id LIMIT @fetch`,
      )
      .all({ zoneId: zoneId ?? null, withWithdrawn: withWithdrawn ? 1 : 0, afterKey, afterZone, fetch: fetchSize(page) }) as DefinitionRow[];
    return DEFINITION_CURSOR.page(rows, page, (row) => [row.key, row.zone_id], (r) => ({
      key: r.key,
      version: r.version,
      name: r.name,
      deployedAt: r.deployed_at,
      zoneId: r.zone_id,
      ...(r.withdrawn ? { withdrawn: true } : {}),
    }));
  }

  /** Every version of a zone's key, newest first, with its active cases counted (all of them, not a page). */
  versionsOf(zoneId: string, key: string): DefinitionVersionSummary[] {
    const rows = this.db
      .prepare(
        `SELECT d.version, d.deployed_at, COUNT(c.id) AS running FROM zone_definitions d
         LEFT JOIN cases c ON c.zone_id = d.zone_id AND c.status = 'active' AND c.definition_key = d.key AND c.version = d.version
         WHERE d.zone_id = ? AND d.key = ? GROUP BY d.version, d.deployed_at ORDER BY d.version DESC`,
      )
      .all(zoneId, key) as { version: number; deployed_at: string; running: number }[];
    return rows.map((r) => ({ version: r.version, deployedAt: r.deployed_at, running: r.running }));
  }

  /** Latest versions whose model starts on a message of this name; a withdrawn key starts nothing. */
  startedByMessage(messageName: string, zoneId: string | undefined): { key: string; version: number; zoneId: string }[] {
    const rows = this.db
      .prepare(
        `SELECT d.key, d.version, d.zone_id FROM zone_definitions d, json_each(d.message_start_names) m
         WHERE m.value = ? AND ${LATEST} AND (? IS NULL OR d.zone_id = ?)
         AND NOT ${WITHDRAWN}`,
      )
      .all(messageName, zoneId ?? null, zoneId ?? null) as DefinitionRow[];
    return rows.map((r) => ({ key: r.key, version: r.version, zoneId: r.zone_id }));
  }
}

/** Key and zone to resume after: from this list's cursor, or from a cursor of before zone-scoped keys (after every zone of its key). */
function resumeAfter(page: PageRequest): [string, string] | undefined {
  if (page.cursor === undefined) return undefined;
  try {
    const [key, zoneId] = DEFINITION_CURSOR.decode(page.cursor) as [string, string];
    return [key, zoneId];
  } catch {
    const [key] = KEY_CURSOR.decode(page.cursor) as [string];
    return [key, AFTER_EVERY_ZONE];
  }
}
