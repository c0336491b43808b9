import { dayOfMs, formatInstant, instantMs, legalTimeZone, startOfDayMs } from './beijing-time';
import { InvalidWorkingDaysError } from './calendar-errors';
import { nthWorkingDayAfter } from './create-working-calendar';
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
 */
export function shiftDeadline(calendar: WorkingCalendar, dueAt: string, workingDays: number): string {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new InvalidWorkingDaysError(workingDays, 'a deadline moves by a whole number of working days ≥ 0');
  }
  const zone = legalTimeZone(calendar.timeZone);
  const dueMs = instantMs(dueAt, zone);
  if (workingDays === 0) return formatInstant(dueMs, zone);
  // A deadline at midnight belongs to the day that ends there, so look one millisecond back.
  const day = dayOfMs(dueMs - 1, zone);
  const timeOfDayMs = dueMs - startOfDayMs(day, zone);
  const shiftedDay = nthWorkingDayAfter((d) => calendar.isWorkingDay(d), day, workingDays);
  return formatInstant(startOfDayMs(shiftedDay, zone) + timeOfDayMs, zone);
}

/** The first working day after the day of `at` (e.g. when a resumed clock starts counting again). */
export function nextWorkingDay(calendar: WorkingCalendar, at: string): string {
  const zone = legalTimeZone(calendar.timeZone);
  const day = dayOfMs(instantMs(at, zone), zone);
  return nthWorkingDayAfter((d) => calendar.isWorkingDay(d), day, 1);
}
