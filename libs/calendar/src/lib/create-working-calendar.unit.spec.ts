import { createWorkingCalendar } from './create-working-calendar';
import { InvalidCalendarDateError, InvalidWorkingDaysError, UnsupportedTimeZoneError } from './calendar-errors';

describe('createWorkingCalendar', () => {
  describe('working days of the 2026 national table', () => {
    it('counts the adjusted Saturday 2026-02-14 and the Spring Festival Monday as a day off', () => {
      // given
      const calendar = createWorkingCalendar();

      // when / then
      expect(calendar.isWorkingDay('2026-02-14')).toBe(true);
      expect(calendar.isWorkingDay('2026-02-16')).toBe(false);
      expect(calendar.isWorkingDay('2026-02-07')).toBe(false);
      expect(calendar.isWorkingDay('2026-02-09')).toBe(true);
    });
  });

  describe('addWorkingDays', () => {
    it('ends 5 working days from Monday 2026-02-09 on the adjusted Saturday 2026-02-14', () => {
      // given a case received on Monday 2026-02-09 (LF-2026-001's delisting day)
      const calendar = createWorkingCalendar();

      // when
      const deadline = calendar.addWorkingDays('2026-02-09T10:30:00+08:00', 5);

      // then counting starts Tuesday 02-10: 10, 11, 12, 13 and Saturday 14 (调休) are the five days
      expect(deadline).toBe('2026-02-15T00:00:00+08:00');
    });

    it('skips the whole Spring Festival (Feb 15–23) for the sixth working day onwards', () => {
      // given
      const calendar = createWorkingCalendar();

      // when
      const deadline = calendar.addWorkingDays('2026-02-09T10:30:00+08:00', 8);

      // then days 6, 7, 8 are Tuesday 24, Wednesday 25 and Thursday 26 February
      expect(deadline).toBe('2026-02-27T00:00:00+08:00');
    });

    it('reads the receipt day on Beijing time even when the instant is written in UTC', () => {
      // given 2026-02-08T17:00Z is Monday 2026-02-09 01:00 in Beijing
      const calendar = createWorkingCalendar();

      // when
      const deadline = calendar.addWorkingDays('2026-02-08T17:00:00Z', 1);

      // then the first working day counted is Tuesday 2026-02-10
      expect(deadline).toBe('2026-02-11T00:00:00+08:00');
    });

    it('starts counting on the first working day after a weekend receipt', () => {
      // given an application received on Saturday 2026-03-07
      const calendar = createWorkingCalendar();

      // when
      const deadline = calendar.addWorkingDays('2026-03-07T09:00:00+08:00', 1);

      // then Monday 2026-03-09 is the one working day
      expect(deadline).toBe('2026-03-10T00:00:00+08:00');
    });

    it('starts counting after the holiday when received during National Day', () => {
      // given an application received on Saturday 2026-10-03, inside National Day
      const calendar = createWorkingCalendar();

      // when
      const deadline = calendar.addWorkingDays('2026-10-03T09:00:00+08:00', 3);

      // then Thursday 8, Friday 9 and the adjusted Saturday 10 October are the three days
      expect(deadline).toBe('2026-10-11T00:00:00+08:00');
    });

    it('gives a same-day limit (0 working days) the end of the receipt day', () => {
      // given
      const calendar = createWorkingCalendar();

      // when
      const deadline = calendar.addWorkingDays('2026-03-04T15:00:00+08:00', 0);

      // then
      expect(deadline).toBe('2026-03-05T00:00:00+08:00');
    });

    it('places the yellow warning of a 5-day limit (80 %) at the end of the fourth working day', () => {
      // given
      const calendar = createWorkingCalendar();

      // when
      const warning = calendar.addWorkingDays('2026-02-09T10:30:00+08:00', 0.8 * 5);

      // then
      expect(warning).toBe('2026-02-14T00:00:00+08:00');
    });

    it('places a fraction of a day as that share of the next working day from midnight', () => {
      // given a 3-working-day limit received on Monday 2026-03-02; 80 % of it is 2.4 days
      const calendar = createWorkingCalendar();

      // when
      const warning = calendar.addWorkingDays('2026-03-02T10:00:00+08:00', 0.8 * 3);

      // then Tuesday and Wednesday are whole days, and 0.4 of Thursday is 09:36
      expect(warning).toBe('2026-03-05T09:36:00+08:00');
    });

    it('places a fraction that falls after a holiday on the first working day after it', () => {
      // given a 1-working-day step received on Friday 2026-02-13; 80 % of it is 0.8 days
      const calendar = createWorkingCalendar();

      // when
      const warning = calendar.addWorkingDays('2026-02-13T10:00:00+08:00', 0.8);

      // then the next working day is the adjusted Saturday 02-14, 0.8 of it is 19:12
      expect(warning).toBe('2026-02-14T19:12:00+08:00');
    });

    it('refuses a negative number of working days with a typed error', () => {
      // given
      const calendar = createWorkingCalendar();

      // when / then
      expect(() => calendar.addWorkingDays('2026-03-02T10:00:00+08:00', -1)).toThrow(InvalidWorkingDaysError);
    });

    it('refuses an instant that is not a date with a typed error', () => {
      // given
      const calendar = createWorkingCalendar();

      // when / then
      expect(() => calendar.addWorkingDays('next Tuesday', 1)).toThrow(InvalidCalendarDateError);
      expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(InvalidCalendarDateError);
    });
  });

  describe('workingDaysBetween', () => {
    it('counts the working days after the first day up to and including the last', () => {
      // given
      const calendar = createWorkingCalendar();

      // when: Friday 2026-09-18 to Friday 2026-10-09
      const days = calendar.workingDaysBetween('2026-09-18T09:00:00+08:00', '2026-10-09T16:00:00+08:00');

      // then Sep 20 (调休), 21–24, 28–30, Oct 8–9 (ten days) — Mid-Autumn (25–27) and National Day are not counted
      expect(days).toBe(10);
    });

    it('is zero when both instants fall on the same day', () => {
      // given
      const calendar = createWorkingCalendar();

      // when
      const days = calendar.workingDaysBetween('2026-03-02T09:00:00+08:00', '2026-03-02T18:00:00+08:00');

      // then
      expect(days).toBe(0);
    });
  });

  describe('zone overrides', () => {
    it('makes a zone holiday a day off and a zone service Saturday a working day', () => {
      // given Linfen closes on Wednesday 2026-03-04 and opens on Saturday 2026-03-07
      const calendar = createWorkingCalendar({
        zoneId: 'lf',
        overrides: { holidays: ['2026-03-04'], workingDays: ['2026-03-07'] },
      });

      // when
      const deadline = calendar.addWorkingDays('2026-03-02T10:00:00+08:00', 4);

      // then Tuesday 3, Thursday 5, Friday 6 and Saturday 7 are the four days
      expect(calendar.zoneId).toBe('lf');
      expect(calendar.isWorkingDay('2026-03-04')).toBe(false);
      expect(deadline).toBe('2026-03-08T00:00:00+08:00');
    });

    it('lets a zone holiday win over an adjusted working day of the national table', () => {
      // given a zone that does not work on the adjusted Saturday 2026-02-14
      const calendar = createWorkingCalendar({ zoneId: 'cz', overrides: { holidays: ['2026-02-14'] } });

      // when
      const deadline = calendar.addWorkingDays('2026-02-09T10:30:00+08:00', 5);

      // then the fifth working day is Tuesday 2026-02-24, after the Spring Festival
      expect(deadline).toBe('2026-02-25T00:00:00+08:00');
    });

    it('leaves other zones on the national table', () => {
      // given
      const linfen = createWorkingCalendar({ zoneId: 'lf', overrides: { holidays: ['2026-03-04'] } });
      const taigu = createWorkingCalendar({ zoneId: 'tg' });

      // when / then
      expect(linfen.isWorkingDay('2026-03-04')).toBe(false);
      expect(taigu.isWorkingDay('2026-03-04')).toBe(true);
    });
  });

  describe('years outside the table', () => {
    it('counts the statutory days of the law, never weekends only, after the last published year', () => {
      // given 2030-10-01 is a Tuesday; the package has no 2030 arrangement, the law gives 1–3 October
      const calendar = createWorkingCalendar();

      // when
      const deadline = calendar.addWorkingDays('2030-09-27T10:00:00+08:00', 3);

      // then Monday 09-30, Friday 10-04 and Monday 10-07 count
      expect(calendar.isWorkingDay('2030-10-01')).toBe(false);
      expect(deadline).toBe('2030-10-08T00:00:00+08:00');
      expect(calendar.provisionalYears('2030-09-27T10:00:00+08:00', deadline)).toEqual([2030]);
    });
  });

  describe('time zone', () => {
    it('refuses a time zone other than Beijing time', () => {
      // when / then
      expect(() => createWorkingCalendar({ timeZone: 'Europe/Berlin' })).toThrow(UnsupportedTimeZoneError);
      expect(createWorkingCalendar({ timeZone: 'PRC' }).timeZone).toBe('PRC');
    });
  });
});
