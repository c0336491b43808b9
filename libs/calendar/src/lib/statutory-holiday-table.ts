import table from 'chinese-days/dist/chinese-days.json';

/**
 * The State Council's holiday arrangements (节假日安排) as shipped by the `chinese-days`
 * package: statutory days off and adjusted working days (调休上班).
 *
 * The package's own helpers (`isWorkday`, …) read dates in the host's time zone, so Banjie reads
 * the table and does the weekday arithmetic itself on Beijing time.
 */
export interface StatutoryHolidayTable {
  /** Statutory days off (`YYYY-MM-DD` → name), including the weekend days moved into a holiday. */
  readonly holidays: Readonly<Record<string, string>>;
  /** Weekend days that are working days by adjustment (调休), `YYYY-MM-DD` → name. */
  readonly adjustedWorkingDays: Readonly<Record<string, string>>;
  /** First and last year the table covers; outside them only Monday–Friday are working days. */
  readonly firstYear: number;
  readonly lastYear: number;
}

const years = Object.keys(table.holidays).map((day) => Number(day.slice(0, 4)));

/** The table shipped with the installed `chinese-days` package. */
export const statutoryHolidayTable: StatutoryHolidayTable = {
  holidays: table.holidays as Record<string, string>,
  adjustedWorkingDays: table.workdays as Record<string, string>,
  firstYear: Math.min(...years),
  lastYear: Math.max(...years),
};
