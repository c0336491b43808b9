import fc from 'fast-check';
import { dayOfMs, formatInstant, instantMs, legalTimeZone, startOfDayMs } from './beijing-time';
import { createWorkingCalendar, nthWorkingDayAfter } from './create-working-calendar';
import { nextWorkingDay, shiftDeadline } from './legal-clock-pause';
import type { WorkingCalendar } from './working-calendar';

const zone = legalTimeZone();
const FIRST_MS = Date.parse('2025-01-01T00:00:00+08:00');
const LAST_MS = Date.parse('2027-12-31T23:59:59+08:00');

/** `shiftDeadline` as it was before the working-day index: walking day by day. */
function naiveShift(calendar: WorkingCalendar, dueAt: string, workingDays: number): string {
  const dueMs = instantMs(dueAt, zone);
  if (workingDays === 0) return formatInstant(dueMs, zone);
  const day = dayOfMs(dueMs - 1, zone);
  const timeOfDayMs = dueMs - startOfDayMs(day, zone);
  return formatInstant(startOfDayMs(nthWorkingDayAfter(calendar.isWorkingDay, day, workingDays), zone) + timeOfDayMs, zone);
}

/** `nextWorkingDay` as it was before the working-day index. */
function naiveNext(calendar: WorkingCalendar, at: string): string {
  return nthWorkingDayAfter(calendar.isWorkingDay, dayOfMs(instantMs(at, zone), zone), 1);
}

const instantMsIn = fc.integer({ min: FIRST_MS, max: LAST_MS });
const instant = instantMsIn.map((ms) => formatInstant(ms, zone));
/** Deadlines as the engine writes them (a day's end, at midnight) and warnings at any time of day. */
const dueAt = fc.oneof(instantMsIn.map((ms) => formatInstant(startOfDayMs(dayOfMs(ms, zone), zone), zone)), instant);
const pausedDays = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 21, max: 250 }));
const overrides = fc.record({
  workingDays: fc.array(instant.map((at) => at.slice(0, 10)), { maxLength: 5 }),
  holidays: fc.array(instant.map((at) => at.slice(0, 10)), { maxLength: 5 }),
});

describe('the legal clock on the working-day index', () => {
  it('shifts a deadline and finds the next working day as walking day by day did, across 2025–2027', () => {
    // given one long-lived calendar (its index grows as the questions wander) and fresh ones
    const shared = createWorkingCalendar();
    fc.assert(
      fc.property(dueAt, pausedDays, fc.boolean(), (due, days, fresh) => {
        // when
        const calendar = fresh ? createWorkingCalendar() : shared;
        // then
        expect(shiftDeadline(calendar, due, days)).toBe(naiveShift(calendar, due, days));
        expect(nextWorkingDay(calendar, due)).toBe(naiveNext(calendar, due));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps agreeing when a zone overrides days of the national table', () => {
    fc.assert(
      fc.property(overrides, dueAt, pausedDays, (zoneOverrides, due, days) => {
        // given
        const calendar = createWorkingCalendar({ zoneId: 'z', overrides: zoneOverrides });
        // when / then
        expect(shiftDeadline(calendar, due, days)).toBe(naiveShift(calendar, due, days));
        expect(nextWorkingDay(calendar, due)).toBe(naiveNext(calendar, due));
      }),
      { numRuns: 150 },
    );
  });
});
