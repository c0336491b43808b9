import { Inject, Injectable } from '@nestjs/common';
import type { HeatElement, HeatView, ZoneId } from '@banjie/contracts';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';

/**
 * Where the active cases of a flow wait: from the read models of the wait states (open tasks,
 * jobs, timers, message subscriptions, incidents) and the deadline board (yellow and red cards
 * of open deadlines), each counted per element of the flow's diagram.
 */
@Injectable()
export class FlowHeat {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  /** The heat of one flow in one zone, or in every zone when `zoneId` is 'province'. */
  of(definitionKey: string, zoneId: ZoneId): HeatView {
    const params = { key: definitionKey, zone: zoneId === 'province' ? null : zoneId };
    const waiting = this.db
      .prepare(
        `SELECT w.element_id AS element_id, COUNT(DISTINCT w.case_id) AS active_cases, SUM(w.kind = 'task') AS open_tasks
         FROM (
           SELECT case_id, element_id, 'task' AS kind FROM tasks WHERE status = 'open'
           UNION ALL SELECT case_id, element_id, 'job' FROM jobs WHERE status = 'open'
           UNION ALL SELECT case_id, element_id, 'timer' FROM open_timers
           UNION ALL SELECT case_id, element_id, 'message' FROM message_subscriptions
           UNION ALL SELECT case_id, element_id, 'incident' FROM incidents
         ) w JOIN cases c ON c.id = w.case_id
         WHERE c.status = 'active' AND c.definition_key = @key AND (@zone IS NULL OR c.zone_id = @zone)
         GROUP BY w.element_id`,
      )
      .all(params) as { element_id: string; active_cases: number; open_tasks: number | null }[];
    const cards = this.db
      .prepare(
        `SELECT d.element_id AS element_id, SUM(d.level = 'red') AS overdue, SUM(d.level = 'yellow') AS yellow
         FROM deadlines d JOIN cases c ON c.id = d.case_id
         WHERE d.cleared_at IS NULL AND c.status = 'active' AND c.definition_key = @key AND (@zone IS NULL OR c.zone_id = @zone)
         GROUP BY d.element_id`,
      )
      .all(params) as { element_id: string; overdue: number | null; yellow: number | null }[];
    const elements = new Map<string, HeatElement>();
    const element = (elementId: string): HeatElement => {
      let found = elements.get(elementId);
      if (!found) {
        found = { elementId, activeCases: 0, openTasks: 0, overdue: 0, yellow: 0 };
        elements.set(elementId, found);
      }
      return found;
    };
    for (const row of waiting) Object.assign(element(row.element_id), { activeCases: row.active_cases, openTasks: row.open_tasks ?? 0 });
    for (const row of cards) Object.assign(element(row.element_id), { overdue: row.overdue ?? 0, yellow: row.yellow ?? 0 });
    return { zoneId, definitionKey, elements: [...elements.values()].sort((a, b) => a.elementId.localeCompare(b.elementId)) };
  }
}
