import { dayOfMs, formatInstant, instantMs, legalTimeZone, MS_PER_DAY, startOfDayMs } from './beijing-time';
import { InvalidWorkingDaysError } from './calendar-errors';
import type { WorkingCalendar } from './working-calendar';

/**
 * Working days a legal clock stood still (补正时间不计入时限): the clock is paused on the day of
 * `pausedAt`, which still counts, and runs again from the next working day after `resumedAt`,
 * so the working days after the pause day up to and including the resume day are not counted.
 */
export function pausedWorkingDays(calendar: WorkingCalendar, pausedAt: string, resumedAt: string): number {
  return calendar.workingDaysBetween(pausedAt, resumedAt);
}

/**
 * A deadline moved later by `workingDays` whole working days (the days a clock was paused),
 * keeping its time of day: the end of a working day stays the end of a working day, and a
 * warning placed at 09:36 of a working day lands at 09:36 of the working day `workingDays` later.
 * Like `nextWorkingDay`, it counts through `addWorkingDays`, on the calendar's working-day index.
 */
export function shiftDeadline(calendar: WorkingCalendar, dueAt: string, workingDays: number): string {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new InvalidWorkingDaysError(workingDays, 'a deadline moves by a whole number of working days ≥ 0');
  }
  const zone = legalTimeZone(calendar.timeZone);
  const dueMs = instantMs(dueAt, zone);
  if (workingDays === 0) return formatInstant(dueMs, zone);
  // A deadline at midnight belongs to the day that ends there, so look one millisecond back.
  const withinDayMs = dueMs - 1;
  const timeOfDayMs = dueMs - startOfDayMs(dayOfMs(withinDayMs, zone), zone);
  // `addWorkingDays` ends the n-th working day after that day at the first instant of the next one.
  const shiftedDayEndMs = instantMs(calendar.addWorkingDays(formatInstant(withinDayMs, zone), workingDays), zone);
  return formatInstant(shiftedDayEndMs - MS_PER_DAY + timeOfDayMs, zone);
}

/** The first working day after the day of `at` (e.g. when a resumed clock starts counting again). */
export function nextWorkingDay(calendar: WorkingCalendar, at: string): string {
  const zone = legalTimeZone(calendar.timeZone);
  return dayOfMs(instantMs(calendar.addWorkingDays(at, 1), zone) - 1, zone);
}
