import { createWorkingCalendar } from './create-working-calendar';
import { InvalidWorkingDaysError } from './calendar-errors';
import { nextWorkingDay, pausedWorkingDays, shiftDeadline } from './legal-clock-pause';

describe('the legal clock across a pause', () => {
  it('extends a deadline by the working days paused across National Day 2026', () => {
    // given a 10-working-day review received on Friday 2026-09-18
    const calendar = createWorkingCalendar();
    const dueAt = calendar.addWorkingDays('2026-09-18T09:00:00+08:00', 10);
    // and the clock paused on 09-29 for a supplement (补正) that arrives on 10-09
    const paused = pausedWorkingDays(calendar, '2026-09-29T10:00:00+08:00', '2026-10-09T15:00:00+08:00');

    // when
    const extended = shiftDeadline(calendar, dueAt, paused);

    // then the original deadline is the end of Friday 10-09 (Sun 09-20 counted, 09-25–27 and 10-01–07 not)
    expect(dueAt).toBe('2026-10-10T00:00:00+08:00');
    // and 09-30, 10-08 and 10-09 were paused
    expect(paused).toBe(3);
    // and the three days are the adjusted Saturday 10-10, Monday 10-12 and Tuesday 10-13
    expect(extended).toBe('2026-10-14T00:00:00+08:00');
  });

  it('does not count the holiday days of a pause that lies wholly inside National Day', () => {
    // given
    const calendar = createWorkingCalendar();

    // when
    const paused = pausedWorkingDays(calendar, '2026-10-01T10:00:00+08:00', '2026-10-07T10:00:00+08:00');

    // then
    expect(paused).toBe(0);
  });

  it('keeps the time of day of a shifted yellow warning', () => {
    // given a warning at 09:36 on Wednesday 2026-09-30
    const calendar = createWorkingCalendar();

    // when the clock was paused for two working days
    const shifted = shiftDeadline(calendar, '2026-09-30T09:36:00+08:00', 2);

    // then it moves past National Day to 09:36 on Friday 10-09
    expect(shifted).toBe('2026-10-09T09:36:00+08:00');
  });

  it('leaves a deadline alone when nothing was paused', () => {
    // given
    const calendar = createWorkingCalendar();

    // when
    const shifted = shiftDeadline(calendar, '2026-02-14T16:00:00Z', 0);

    // then the same instant comes back, written on Beijing time
    expect(shifted).toBe('2026-02-15T00:00:00+08:00');
  });

  it('refuses to shift a deadline by a fraction of a day', () => {
    // given
    const calendar = createWorkingCalendar();

    // when / then
    expect(() => shiftDeadline(calendar, '2026-02-15T00:00:00+08:00', 1.5)).toThrow(InvalidWorkingDaysError);
  });

  it('resumes counting on the first working day after the supplement arrives', () => {
    // given a supplement received on the last day of National Day
    const calendar = createWorkingCalendar();

    // when
    const day = nextWorkingDay(calendar, '2026-10-07T18:00:00+08:00');

    // then
    expect(day).toBe('2026-10-08');
  });
});
