import { statutoryHolidayTable, type StatutoryHolidayTable } from './statutory-holiday-table';
import { statutoryDaysOff } from './statutory-law';

/**
 * Where the national arrangement of a year comes from: a State Council notice loaded by an
 * admin, the table shipped with `chinese-days`, or the statutory days of the law alone.
 */
export type ArrangementSource = 'notice' | 'package' | 'law';

/** The State Council's arrangement (放假安排) of one year: its days off and its adjusted working days (调休上班). */
export interface YearArrangement {
  readonly year: number;
  readonly source: ArrangementSource;
  /** `YYYY-MM-DD` → name: every day off, weekend days inside a holiday included. */
  readonly daysOff: Readonly<Record<string, string>>;
  /** `YYYY-MM-DD` → name: weekend days that are working days. */
  readonly workingDays: Readonly<Record<string, string>>;
}

/** A State Council notice for one year, as an admin loads it. */
export interface NationalNotice {
  readonly year: number;
  readonly daysOff: Readonly<Record<string, string>>;
  readonly workingDays: Readonly<Record<string, string>>;
}

/**
 * The national working-day arrangement of every year: a loaded notice wins, else the package's
 * table for the years it covers, else the law's statutory days with their make-up days
 * ({@link statutoryDaysOff}), which is provisional: no year falls back to weekends only.
 * Immutable: {@link withNotice} returns a new calendar.
 */
export class NationalCalendar {
  private readonly cache = new Map<number, YearArrangement>();
  private readonly notices: ReadonlyMap<number, NationalNotice>;

  constructor(
    notices: Iterable<NationalNotice> = [],
    private readonly table: StatutoryHolidayTable = statutoryHolidayTable,
  ) {
    this.notices = new Map([...notices].map((notice) => [notice.year, notice]));
  }

  /** This calendar with the notice of one year loaded (replacing an earlier notice of that year). */
  withNotice(notice: NationalNotice): NationalCalendar {
    return new NationalCalendar([...this.notices.values(), notice], this.table);
  }

  /** The arrangement the calendar counts for a year. */
  year(year: number): YearArrangement {
    let arrangement = this.cache.get(year);
    if (!arrangement) {
      arrangement = this.build(year);
      this.cache.set(year, arrangement);
    }
    return arrangement;
  }

  /** True when no notice is loaded for the year and the package does not cover it. */
  isProvisional(year: number): boolean {
    return this.year(year).source === 'law';
  }

  /** The years with a loaded notice, ascending. */
  noticeYears(): number[] {
    return [...this.notices.keys()].sort((a, b) => a - b);
  }

  private build(year: number): YearArrangement {
    const notice = this.notices.get(year);
    if (notice) return { year, source: 'notice', daysOff: notice.daysOff, workingDays: notice.workingDays };
    if (year >= this.table.firstYear && year <= this.table.lastYear) {
      return { year, source: 'package', daysOff: ofYear(this.table.holidays, year), workingDays: ofYear(this.table.adjustedWorkingDays, year) };
    }
    return { year, source: 'law', daysOff: statutoryDaysOff(year), workingDays: {} };
  }
}

function ofYear(days: Readonly<Record<string, string>>, year: number): Record<string, string> {
  const prefix = `${year}-`;
  return Object.fromEntries(Object.entries(days).filter(([day]) => day.startsWith(prefix)));
}

/** Why a year's deadlines are provisional, in Chinese and English, for a hover or a log line. */
export function provisionalReason(years: readonly number[]): string {
  const list = years.join('、');
  return `${list} 年国务院放假安排尚未载入，时限按法定节假日推算 (no State Council holiday notice loaded for ${years.join(', ')}: counted on the statutory holidays of the law only)`;
}
