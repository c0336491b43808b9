import { Inject, Injectable } from '@nestjs/common';
import { WorkingCalendars } from '@banjie/api-core';
import { provisionalReason } from '@banjie/calendar';
import type { StatsFlow, StatsStep, StatsView, StatsWeek, ZoneId } from '@banjie/contracts';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';

/** How many weeks `StatsView.weeks` covers. */
const WEEKS = 12;
const DAY_MS = 86_400_000;
/** Weeks are counted in Beijing time, where the zones work. */
const BEIJING_MS = 8 * 3_600_000;

/**
 * Zone statistics, aggregated from the case list, the deadline board and the evaluations:
 * on-time rate = deadlines closed without a red card; yellow/red = open deadlines at that level;
 * satisfaction = share of ratings 4 (满意) or 5 (非常满意).
 */
@Injectable()
export class ZoneStats {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly calendars: WorkingCalendars,
  ) {}

  /** Statistics of one zone, or of the whole province when `zoneId` is 'province'; `now` ends the weeks. */
  of(zoneId: ZoneId, now: Date = new Date()): StatsView {
    const zone = zoneId === 'province' ? null : zoneId;
    const cases = this.db
      .prepare(
        `SELECT SUM(status = 'active') AS active, SUM(status = 'completed') AS completed,
                AVG(CASE WHEN status = 'completed' THEN working_days END) AS mean_wd
         FROM cases WHERE (? IS NULL OR zone_id = ?)`,
      )
      .get(zone, zone) as { active: number | null; completed: number | null; mean_wd: number | null };
    const deadlines = this.db
      .prepare(
        `SELECT SUM(cleared_at IS NOT NULL) AS closed, SUM(on_time = 1) AS on_time,
                SUM(cleared_at IS NULL AND level = 'yellow') AS yellow, SUM(cleared_at IS NULL AND level = 'red') AS red
         FROM deadlines WHERE (? IS NULL OR zone_id = ?)`,
      )
      .get(zone, zone) as { closed: number | null; on_time: number | null; yellow: number | null; red: number | null };
    const ratings = this.db
      .prepare('SELECT COUNT(*) AS n, SUM(rating >= 4) AS satisfied FROM evaluations WHERE (? IS NULL OR zone_id = ?)')
      .get(zone, zone) as { n: number; satisfied: number | null };
    return {
      zoneId,
      cases: { active: cases.active ?? 0, completed: cases.completed ?? 0 },
      onTimeRate: deadlines.closed ? (deadlines.on_time ?? 0) / deadlines.closed : null,
      yellow: deadlines.yellow ?? 0,
      red: deadlines.red ?? 0,
      meanWorkingDays: cases.mean_wd ?? null,
      satisfaction: ratings.n ? (ratings.satisfied ?? 0) / ratings.n : null,
      flows: this.flows(zone),
      steps: this.steps(zone),
      weeks: this.weeks(zone, now),
      ...this.provisional(zone),
    };
  }

  /** The open deadlines that run into a year counted on the law only (no notice loaded), and those years. */
  private provisional(zone: string | null): Pick<StatsView, 'provisional'> {
    const rows = this.db
      .prepare(`SELECT zone_id, started_at, due_at FROM deadlines ${inZone(zone, 'zone_id')} ${zone === null ? 'WHERE' : 'AND'} cleared_at IS NULL`)
      .all(...zoneParameter(zone)) as { zone_id: string; started_at: string; due_at: string }[];
    let deadlines = 0;
    const years = new Set<number>();
    for (const row of rows) {
      const provisionalYears = this.calendars.forZone(row.zone_id).provisionalYears(row.started_at, row.due_at);
      if (provisionalYears.length === 0) continue;
      deadlines += 1;
      for (const year of provisionalYears) years.add(year);
    }
    if (deadlines === 0) return {};
    const sorted = [...years].sort((a, b) => a - b);
    return { provisional: { deadlines, years: sorted, reason: provisionalReason(sorted) } };
  }

  private flows(zone: string | null): StatsFlow[] {
    const rows = this.db
      .prepare(
        `SELECT definition_key, SUM(status = 'active') AS active, SUM(status = 'completed') AS completed,
                AVG(CASE WHEN status = 'completed' THEN working_days END) AS mean_wd
         FROM cases ${inZone(zone, 'zone_id')} GROUP BY definition_key ORDER BY definition_key`,
      )
      .all(...zoneParameter(zone)) as { definition_key: string; active: number; completed: number; mean_wd: number | null }[];
    return rows.map((row) => ({ definitionKey: row.definition_key, active: row.active, completed: row.completed, meanWorkingDays: row.mean_wd }));
  }

  /** Working days a closed deadline used are counted on its zone's calendar, as the legal clock counts them. */
  private steps(zone: string | null): StatsStep[] {
    const rows = this.db
      .prepare(
        `SELECT c.definition_key, d.element_id, d.zone_id, d.limit_working_days, d.started_at, d.cleared_at, d.level
         FROM deadlines d JOIN cases c ON c.id = d.case_id
         ${inZone(zone, 'd.zone_id')}`,
      )
      .all(...zoneParameter(zone)) as { definition_key: string; element_id: string; zone_id: string; limit_working_days: number; started_at: string; cleared_at: string | null; level: string }[];
    const steps = new Map<string, StatsStep & { limitSum: number; usedSum: number }>();
    for (const row of rows) {
      const key = `${row.definition_key}\u0000${row.element_id}`;
      let step = steps.get(key);
      if (!step) {
        step = { definitionKey: row.definition_key, elementId: row.element_id, limitWorkingDays: 0, meanUsedWorkingDays: null, closed: 0, open: 0, red: 0, limitSum: 0, usedSum: 0 };
        steps.set(key, step);
      }
      step.limitSum += row.limit_working_days;
      if (row.cleared_at === null) {
        step.open += 1;
        if (row.level === 'red') step.red += 1;
      } else {
        step.closed += 1;
        step.usedSum += this.calendars.forZone(row.zone_id).workingDaysBetween(row.started_at, row.cleared_at);
      }
    }
    return [...steps.values()]
      .map(({ limitSum, usedSum, ...step }) => ({
        ...step,
        limitWorkingDays: limitSum / (step.open + step.closed),
        meanUsedWorkingDays: step.closed ? usedSum / step.closed : null,
      }))
      .sort((a, b) => a.definitionKey.localeCompare(b.definitionKey) || a.elementId.localeCompare(b.elementId));
  }

  private weeks(zone: string | null, now: Date): StatsWeek[] {
    const first = mondayOf(now.getTime() - (WEEKS - 1) * 7 * DAY_MS);
    const since = new Date(Date.parse(`${first}T00:00:00Z`) - BEIJING_MS).toISOString();
    const count = (column: 'started_at' | 'ended_at', status: string | null) =>
      this.db
        .prepare(
          `SELECT date(${column}, '+8 hours', '-6 days', 'weekday 1') AS week, COUNT(*) AS n
           FROM cases ${inZone(zone, 'zone_id')} ${zone ? 'AND' : 'WHERE'} ${status ? 'status = ? AND' : ''} ${column} >= ? GROUP BY week`,
        )
        .all(...zoneParameter(zone), ...(status ? [status] : []), since) as { week: string; n: number }[];
    const started = new Map(count('started_at', null).map((row) => [row.week, row.n]));
    const completed = new Map(count('ended_at', 'completed').map((row) => [row.week, row.n]));
    return Array.from({ length: WEEKS }, (_, i) => {
      const week = new Date(Date.parse(`${first}T00:00:00Z`) + i * 7 * DAY_MS).toISOString().slice(0, 10);
      return { week, started: started.get(week) ?? 0, completed: completed.get(week) ?? 0 };
    });
  }
}

/** The zone filter of a query: by the zone's index, or none for the province. */
function inZone(zone: string | null, column: string): string {
  return zone ? `WHERE ${column} = ?` : '';
}

function zoneParameter(zone: string | null): string[] {
  return zone ? [zone] : [];
}

/** The Monday (Beijing time) of the week holding the instant, `YYYY-MM-DD`. */
function mondayOf(ms: number): string {
  const day = new Date(ms + BEIJING_MS);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}
