import { InvalidCalendarDateError, UnsupportedTimeZoneError } from './calendar-errors';

const MS_PER_MINUTE = 60_000;
/** Length of a calendar day in milliseconds (no DST on Beijing time, so every day has 24 hours). */
export const MS_PER_DAY = 86_400_000;

/** IANA names that all mean Beijing time, UTC+8 all year. */
const BEIJING_TIME_ZONES = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'PRC']);
const BEIJING_OFFSET_MINUTES = 8 * 60;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A fixed-offset clock for one legal time zone: turns instants into local calendar days and back,
 * by plain arithmetic on the UTC offset (no time-zone library; Beijing time has no DST).
 */
export interface LegalTimeZone {
  readonly name: string;
  readonly offsetMinutes: number;
}

/** The legal time zone for an IANA name; only Beijing time (UTC+8) is accepted. */
export function legalTimeZone(name = 'Asia/Shanghai'): LegalTimeZone {
  if (!BEIJING_TIME_ZONES.has(name)) throw new UnsupportedTimeZoneError(name);
  return { name, offsetMinutes: BEIJING_OFFSET_MINUTES };
}

/** Milliseconds since the epoch of an ISO-8601 instant, or of the first instant of a `YYYY-MM-DD` day in `zone`. */
export function instantMs(value: string, zone: LegalTimeZone): number {
  if (DAY_PATTERN.test(value)) return startOfDayMs(value, zone);
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !/[T ]\d{2}:\d{2}/.test(value)) throw new InvalidCalendarDateError(value);
  return ms;
}

/** The local calendar day (`YYYY-MM-DD`) that contains the instant `ms`. */
export function dayOfMs(ms: number, zone: LegalTimeZone): string {
  return new Date(ms + zone.offsetMinutes * MS_PER_MINUTE).toISOString().slice(0, 10);
}

/** The local calendar day that contains the instant `ms`, as days since 1970-01-01. */
export function dayNumberOfMs(ms: number, zone: LegalTimeZone): number {
  return Math.floor((ms + zone.offsetMinutes * MS_PER_MINUTE) / MS_PER_DAY);
}

/** The first instant of a local calendar day given as days since 1970-01-01, in milliseconds since the epoch. */
export function startOfDayNumberMs(dayNumber: number, zone: LegalTimeZone): number {
  return dayNumber * MS_PER_DAY - zone.offsetMinutes * MS_PER_MINUTE;
}

/** The first instant of a local calendar day, in milliseconds since the epoch. */
export function startOfDayMs(day: string, zone: LegalTimeZone): number {
  return dayNumber(day) * MS_PER_DAY - zone.offsetMinutes * MS_PER_MINUTE;
}

/** The calendar day `delta` days after `day` (negative goes back). */
export function addCalendarDays(day: string, delta: number): string {
  return new Date((dayNumber(day) + delta) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day of the week of a calendar day: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: string): number {
  return new Date(dayNumber(day) * MS_PER_DAY).getUTCDay();
}

/**
 * An instant written in local time with its offset, e.g. `2026-02-15T00:00:00+08:00`;
 * milliseconds appear only when they are not zero.
 */
export function formatInstant(ms: number, zone: LegalTimeZone): string {
  const local = new Date(ms + zone.offsetMinutes * MS_PER_MINUTE).toISOString();
  const millis = local.slice(19, 23);
  return `${local.slice(0, 19)}${millis === '.000' ? '' : millis}${formatOffset(zone.offsetMinutes)}`;
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD` day. */
function dayNumber(day: string): number {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new InvalidCalendarDateError(day);
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, date);
  if (new Date(ms).getUTCDate() !== date) throw new InvalidCalendarDateError(day);
  return ms / MS_PER_DAY;
}
