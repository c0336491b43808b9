/**
 * Raised when a calendar is configured with a time zone whose legal day it cannot place
 * (Banjie only counts days on Beijing time, UTC+8, which has no daylight saving).
 */
export class UnsupportedTimeZoneError extends Error {
  override readonly name = 'UnsupportedTimeZoneError';
  constructor(readonly timeZone: string) {
    super(`Time zone "${timeZone}" is not supported: working days are counted on Beijing time (Asia/Shanghai)`);
  }
}

/** Raised when a day or an instant given to the calendar is not a valid `YYYY-MM-DD` day or ISO-8601 instant. */
export class InvalidCalendarDateError extends Error {
  override readonly name = 'InvalidCalendarDateError';
  constructor(readonly value: string) {
    super(`"${value}" is not a valid day (YYYY-MM-DD) or ISO-8601 instant`);
  }
}

/** Raised when a number of working days is negative, not finite, or (where only whole days make sense) fractional. */
export class InvalidWorkingDaysError extends Error {
  override readonly name = 'InvalidWorkingDaysError';
  constructor(readonly workingDays: number, reason: string) {
    super(`${workingDays} is not a valid number of working days: ${reason}`);
  }
}
