import fc from 'fast-check';
import { addCalendarDays, dayOfMs, formatInstant, instantMs, legalTimeZone, MS_PER_DAY, startOfDayMs } from './beijing-time';
import { createWorkingCalendar, nthWorkingDayAfter, type WorkingCalendarOptions } from './create-working-calendar';
import type { WorkingCalendar } from './working-calendar';

const zone = legalTimeZone();
const FIRST_MS = Date.parse('2025-01-01T00:00:00+08:00');
const LAST_MS = Date.parse('2027-12-31T23:59:59+08:00');

/** The deadline by walking day by day, as the calendar did before its working-day index. */
function naiveDeadline(calendar: WorkingCalendar, from: string, n: number): string {
  const receiptDay = dayOfMs(instantMs(from, zone), zone);
  const wholeDays = Math.floor(n);
  const fraction = n - wholeDays;
  const lastWholeDay = wholeDays === 0 ? receiptDay : nthWorkingDayAfter(calendar.isWorkingDay, receiptDay, wholeDays);
  if (fraction === 0) return formatInstant(startOfDayMs(addCalendarDays(lastWholeDay, 1), zone), zone);
  const partialDay = nthWorkingDayAfter(calendar.isWorkingDay, lastWholeDay, 1);
  return formatInstant(startOfDayMs(partialDay, zone) + Math.round(fraction * MS_PER_DAY), zone);
}

/** Working days after the day of `from` up to and including the day of `to`, counted one by one. */
function naiveBetween(calendar: WorkingCalendar, from: string, to: string): number {
  const toDay = dayOfMs(instantMs(to, zone), zone);
  let count = 0;
  for (let day = addCalendarDays(dayOfMs(instantMs(from, zone), zone), 1); day <= toDay; day = addCalendarDays(day, 1)) {
    if (calendar.isWorkingDay(day)) count += 1;
  }
  return count;
}

const instant = fc.integer({ min: FIRST_MS, max: LAST_MS }).map((ms) => formatInstant(ms, zone));
const limit = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 600 }).map((tenths) => tenths / 10), fc.integer({ min: 61, max: 400 }));
const overrides = fc.record({
  workingDays: fc.array(instant.map((at) => at.slice(0, 10)), { maxLength: 5 }),
  holidays: fc.array(instant.map((at) => at.slice(0, 10)), { maxLength: 5 }),
});

describe('working-day index', () => {
  it('gives the same deadline as counting day by day, across 2025–2027', () => {
    // given one long-lived calendar (its index grows as the questions wander) and fresh ones
    const shared = createWorkingCalendar();
    fc.assert(
      fc.property(instant, limit, fc.boolean(), (from, n, fresh) => {
        // when
        const calendar = fresh ? createWorkingCalendar() : shared;
        // then
        expect(calendar.addWorkingDays(from, n)).toBe(naiveDeadline(calendar, from, n));
      }),
      { numRuns: 1_000 },
    );
  });

  it('counts the same working days between two instants as counting day by day', () => {
    // given
    const shared = createWorkingCalendar();
    fc.assert(
      fc.property(instant, instant, (from, to) => {
        // when / then
        expect(shared.workingDaysBetween(from, to)).toBe(naiveBetween(shared, from, to));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps agreeing when a zone overrides days of the national table', () => {
    fc.assert(
      fc.property(overrides, instant, fc.integer({ min: 0, max: 60 }), instant, (zoneOverrides, from, n, to) => {
        // given
        const options: WorkingCalendarOptions = { zoneId: 'z', overrides: zoneOverrides };
        const calendar = createWorkingCalendar(options);
        // when / then
        expect(calendar.addWorkingDays(from, n)).toBe(naiveDeadline(calendar, from, n));
        expect(calendar.workingDaysBetween(from, to)).toBe(naiveBetween(calendar, from, to));
      }),
      { numRuns: 150 },
    );
  });
});
