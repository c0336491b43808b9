/**
 * Legal working days (法定工作日) of one zone: Monday to Friday, minus statutory holidays,
 * plus the adjusted working days (调休) of the State Council's table, plus zone overrides.
 *
 * Days are `YYYY-MM-DD` in the zone's time zone (Asia/Shanghai); instants are ISO-8601 strings.
 */
export interface WorkingCalendar {
  readonly timeZone: string;
  /** The zone whose overrides this calendar includes, when it was made for one zone. */
  readonly zoneId?: string;
  isWorkingDay(day: string): boolean;
  /**
   * The deadline of a limit of `n` working days for something received at `from`:
   * counting starts on the next working day after the day of `from`; the result is the
   * end of the n-th working day (the first instant of the following calendar day).
   * Fractions (0.8 × 5 = 4 days) are supported for warnings.
   */
  addWorkingDays(from: string, n: number): string;
  /** Whole working days after the day of `from` up to and including the day of `to`. */
  workingDaysBetween(from: string, to: string): number;
  /**
   * The years from the day of `from` to the day of `to` (the last instant before `to` when it is
   * a midnight) whose national arrangement is the law's statutory days only, because no State
   * Council notice is loaded for them: a deadline counted over them is provisional.
   */
  provisionalYears(from: string, to: string): number[];
}
