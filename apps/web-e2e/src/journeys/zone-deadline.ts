import { createWorkingCalendar, NationalCalendar, type NationalNotice, type WorkingCalendar } from '@banjie/calendar';
import type { CalendarDay, NationalCalendarYearView, ZoneCalendarYearView, ZoneId } from '@banjie/contracts';
import { get } from '../support/api';

/** China has kept UTC+8 all year since 1991: a deadline reads in Beijing time. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The working-day calendar the api counts a zone's deadlines on in `years`: the State Council
 * notices loaded on the api (else the package's table, else the law) plus the zone's own days,
 * read over HTTP so the test counts on what the server counts on, not on a copy of it.
 */
export async function zoneCalendar(token: string, zoneId: ZoneId, years: readonly number[]): Promise<WorkingCalendar> {
  const national = await get<NationalCalendarYearView[]>(token, '/api/calendar/national');
  const notices: NationalNotice[] = national
    .filter((year) => year.source === 'notice')
    .map((year) => ({ year: year.year, daysOff: byDate(year.daysOff), workingDays: byDate(year.workingDays) }));
  const zoneYears = await Promise.all(years.map((year) => get<ZoneCalendarYearView>(token, `/api/calendar/zones/${zoneId}/${year}`)));
  return createWorkingCalendar({
    zoneId,
    national: new NationalCalendar(notices),
    overrides: { holidays: zoneYears.flatMap((year) => year.daysOff.map((day) => day.date)), workingDays: zoneYears.flatMap((year) => year.workingDays.map((day) => day.date)) },
  });
}

/**
 * A deadline as the web app shows it (`2026-12-09 24:00`, Beijing time): a deadline at midnight
 * reads as 24:00 of the last working day before it.
 */
export function shownDeadline(instant: string): string {
  const beijing = new Date(Date.parse(instant) + BEIJING_OFFSET_MS);
  const midnight = beijing.getUTCHours() === 0 && beijing.getUTCMinutes() === 0;
  const day = midnight ? new Date(beijing.getTime() - 1) : beijing;
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  return midnight ? `${date} 24:00` : `${date} ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}`;
}

/** The instant a Beijing wall time `yyyy-MM-dd HH:mm` (as the Play clock shows it) names. */
export function beijingInstant(shown: string): string {
  const match = /(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})/.exec(shown);
  if (!match) throw new Error(`no Beijing time (yyyy-MM-dd HH:mm) in "${shown}"`);
  return `${match[1]}T${match[2]}:00+08:00`;
}

function byDate(days: readonly CalendarDay[]): Record<string, string> {
  return Object.fromEntries(days.map((day) => [day.date, day.name]));
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
