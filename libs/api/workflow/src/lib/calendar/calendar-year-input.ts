import { ApiError } from '@banjie/api-core';
import type { CalendarDay, CalendarYearRequest, ErrorDetail } from '@banjie/contracts';

/** Years a calendar may be loaded for: the lunar calendar that places the statutory holidays covers them. */
export const FIRST_CALENDAR_YEAR = 2000;
export const LAST_CALENDAR_YEAR = 2099;
const MAX_DAYS = 366;
const MAX_NAME = 40;
const MAX_NOTE = 200;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A year of a path (`/calendar/national/2027`), or a 400 naming it. */
export function calendarYear(value: string): number {
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= FIRST_CALENDAR_YEAR && year <= LAST_CALENDAR_YEAR)) {
    throw ApiError.badRequest(`"${value}" is not a year from ${FIRST_CALENDAR_YEAR} to ${LAST_CALENDAR_YEAR}`, [{ field: 'year', message: `a year from ${FIRST_CALENDAR_YEAR} to ${LAST_CALENDAR_YEAR}` }]);
  }
  return year;
}

/**
 * Checks the body of a calendar PUT and returns it normalised (names trimmed, days sorted), or
 * throws one 400 naming every bad entry: days must be real days of that year, each listed once,
 * never both off and working; a national notice's working days are weekend days (调休上班).
 */
export function calendarYearInput(kind: 'national' | 'zone', year: number, body: unknown): Required<Pick<CalendarYearRequest, 'daysOff' | 'workingDays'>> & { note?: string } {
  const problems: ErrorDetail[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw ApiError.badRequest('The body must be an object with daysOff and workingDays', [{ message: 'expected {"daysOff": [...], "workingDays": [...]}' }]);
  const input = body as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!['daysOff', 'workingDays', 'note'].includes(key)) problems.push({ field: key, message: `unknown field "${key}" (expected daysOff, workingDays, note)` });
  }
  const seen = new Map<string, string>();
  const list = (field: 'daysOff' | 'workingDays'): CalendarDay[] => {
    const value = input[field];
    if (!Array.isArray(value)) {
      problems.push({ field, message: `${field} must be an array of {date, name}` });
      return [];
    }
    if (value.length > MAX_DAYS) {
      problems.push({ field, message: `${field} has ${value.length} days; at most ${MAX_DAYS}` });
      return [];
    }
    const days: CalendarDay[] = [];
    value.forEach((entry: unknown, i) => {
      const at = `${field}[${i}]`;
      const { date, name } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
      if (typeof date !== 'string' || !isDayOfYear(date, year)) {
        problems.push({ field: `${at}.date`, message: `${JSON.stringify(date ?? null)} is not a day (YYYY-MM-DD) of ${year}` });
        return;
      }
      const trimmed = typeof name === 'string' ? name.trim() : '';
      if (!trimmed || trimmed.length > MAX_NAME) {
        problems.push({ field: `${at}.name`, message: `the name of ${date} must be 1 to ${MAX_NAME} characters` });
        return;
      }
      const earlier = seen.get(date);
      if (earlier) {
        problems.push({ field: `${at}.date`, message: `${date} is listed twice (also in ${earlier})` });
        return;
      }
      seen.set(date, at);
      if (kind === 'national' && field === 'workingDays' && !isWeekend(date)) {
        problems.push({ field: `${at}.date`, message: `${date} is a weekday: adjusted working days (调休上班) of a notice are Saturdays or Sundays` });
        return;
      }
      days.push({ date, name: trimmed });
    });
    return days.sort((a, b) => a.date.localeCompare(b.date));
  };
  const daysOff = list('daysOff');
  const workingDays = list('workingDays');
  if (kind === 'national' && Array.isArray(input['daysOff']) && input['daysOff'].length === 0) {
    problems.push({ field: 'daysOff', message: 'a State Council notice has days off: daysOff is empty' });
  }
  const note = input['note'];
  if (note !== undefined && (typeof note !== 'string' || note.length > MAX_NOTE)) problems.push({ field: 'note', message: `note must be text of at most ${MAX_NOTE} characters` });
  if (problems.length > 0) throw ApiError.badRequest(`The ${kind === 'national' ? 'notice' : 'zone calendar'} of ${year} is not valid: ${problems[0].message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, problems);
  return { daysOff, workingDays, ...(typeof note === 'string' && note.trim() ? { note: note.trim() } : {}) };
}

function isDayOfYear(value: string, year: number): boolean {
  const match = DAY.exec(value);
  if (!match || Number(match[1]) !== year) return false;
  const date = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3])));
  return date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}
