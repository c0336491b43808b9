import { addCalendarDays, dayNumberOfMs, dayOfMs, formatInstant, instantMs, legalTimeZone, MS_PER_DAY, startOfDayNumberMs, weekdayOf, type LegalTimeZone } from './beijing-time';
import { InvalidWorkingDaysError } from './calendar-errors';
import { NationalCalendar } from './national-calendar';
import type { StatutoryHolidayTable } from './statutory-holiday-table';
import type { WorkingCalendar } from './working-calendar';
import { WorkingDayIndex } from './working-day-index';

/** A zone's own changes to the national table (e.g. a local holiday, or a weekend service day). */
export interface ZoneCalendarOverrides {
  /** Days (`YYYY-MM-DD`) that are working days in this zone whatever the table says. */
  readonly workingDays?: readonly string[];
  /** Days (`YYYY-MM-DD`) that are days off in this zone whatever the table says; wins over `workingDays`. */
  readonly holidays?: readonly string[];
}

/** How to build a {@link WorkingCalendar}. */
export interface WorkingCalendarOptions {
  readonly zoneId?: string;
  readonly overrides?: ZoneCalendarOverrides;
  /** IANA name of Beijing time (default `Asia/Shanghai`); any other zone is refused. */
  readonly timeZone?: string;
  /** The national arrangements (loaded notices, the package's table, the law); by default the package's table and the law. */
  readonly national?: NationalCalendar;
  /** A national table instead of the one shipped by `chinese-days` (ignored when `national` is given). */
  readonly table?: StatutoryHolidayTable;
}

/**
 * The legal working-day calendar of a zone: the national arrangement of each year (a loaded State
 * Council notice, else the `chinese-days` table, else the statutory days of the law, see
 * {@link NationalCalendar}) plus the zone's overrides.
 *
 * - Counting starts on the next working day after the day something is received, whatever day
 *   that is (a weekend or holiday receipt counts from the first working day after it).
 * - A deadline of `n` whole working days is the end of the n-th working day, written as the first
 *   instant of the next calendar day (`…T00:00:00+08:00`); `n = 0` is the end of the receipt day.
 * - A fraction of a day is placed on the working day after the last whole one, as that share of
 *   its 24 hours from midnight: 2.4 working days from Monday 2026-03-02 end at Thursday 09:36.
 * - Years with neither a loaded notice nor the package's table (after 2026 with `chinese-days`
 *   1.5.7) count the law's statutory days and make-up days; {@link WorkingCalendar.provisionalYears}
 *   names them, so a deadline counted over them is shown as provisional.
 *
 * Each calendar keeps a {@link WorkingDayIndex} of its working days, so `addWorkingDays` and
 * `workingDaysBetween` cost a binary search, not a walk over every day in between.
 */
export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const zone = legalTimeZone(options.timeZone);
  const national = options.national ?? new NationalCalendar([], options.table);
  const extraWorkingDays = new Set(options.overrides?.workingDays ?? []);
  const extraHolidays = new Set(options.overrides?.holidays ?? []);

  const isWorkingDay = (day: string): boolean => {
    if (extraHolidays.has(day)) return false;
    if (extraWorkingDays.has(day)) return true;
    const arrangement = national.year(Number(day.slice(0, 4)));
    if (arrangement.workingDays[day]) return true;
    if (arrangement.daysOff[day]) return false;
    const weekday = weekdayOf(day);
    return weekday >= 1 && weekday <= 5;
  };

  const index = new WorkingDayIndex(isWorkingDay);

  return {
    timeZone: zone.name,
    ...(options.zoneId === undefined ? {} : { zoneId: options.zoneId }),
    isWorkingDay,
    addWorkingDays: (from, n) => formatInstant(deadlineMs(index, zone, instantMs(from, zone), n), zone),
    workingDaysBetween: (from, to) => index.countAfterUpTo(dayNumberOfMs(instantMs(from, zone), zone), dayNumberOfMs(instantMs(to, zone), zone)),
    provisionalYears: (from, to) => {
      const first = Number(dayOfMs(instantMs(from, zone), zone).slice(0, 4));
      const last = Number(dayOfMs(Math.max(instantMs(from, zone), instantMs(to, zone) - 1), zone).slice(0, 4));
      const years: number[] = [];
      for (let year = first; year <= last; year++) if (national.isProvisional(year)) years.push(year);
      return years;
    },
  };
}

/** The n-th working day after `day` (n ≥ 1) found by walking day by day: the reference the index is tested against. */
export function nthWorkingDayAfter(isWorkingDay: (day: string) => boolean, day: string, n: number): string {
  let current = day;
  for (let counted = 0; counted < n; ) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current)) counted += 1;
  }
  return current;
}

function deadlineMs(index: WorkingDayIndex, zone: LegalTimeZone, fromMs: number, n: number): number {
  if (!Number.isFinite(n) || n < 0) throw new InvalidWorkingDaysError(n, 'it must be a finite number ≥ 0');
  const receiptDay = dayNumberOfMs(fromMs, zone);
  const wholeDays = Math.floor(n);
  const fraction = n - wholeDays;
  const lastWholeDay = wholeDays === 0 ? receiptDay : index.nthWorkingDayAfter(receiptDay, wholeDays);
  if (fraction === 0) return startOfDayNumberMs(lastWholeDay + 1, zone);
  const partialDay = index.nthWorkingDayAfter(lastWholeDay, 1);
  return startOfDayNumberMs(partialDay, zone) + Math.round(fraction * MS_PER_DAY);
}
