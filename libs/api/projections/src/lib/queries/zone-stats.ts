import { Inject, Injectable } from '@nestjs/common';
import type { StatsView, ZoneId } from '@banjie/contracts';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';

/**
 * Zone statistics, aggregated from the case list, the deadline board and the evaluations:
 * on-time rate = deadlines closed without a red card; yellow/red = open deadlines at that level;
 * satisfaction = share of ratings 4 (满意) or 5 (非常满意).
 */
@Injectable()
export class ZoneStats {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  /** Statistics of one zone, or of the whole province when `zoneId` is 'province'. */
  of(zoneId: ZoneId): StatsView {
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
    };
  }
}
