import { createWorkingCalendar } from './create-working-calendar';
import { NationalCalendar, provisionalReason, type NationalNotice } from './national-calendar';
import { statutoryHolidayTable } from './statutory-holiday-table';
import { statutoryDaysOff, statutoryHolidays } from './statutory-law';

/** A sample State Council notice for 2027 (the real one is loaded by an admin when published). */
const SAMPLE_2027: NationalNotice = {
  year: 2027,
  daysOff: {
    '2027-01-01': '元旦', '2027-01-02': '元旦', '2027-01-03': '元旦',
    '2027-02-05': '春节', '2027-02-06': '春节', '2027-02-07': '春节', '2027-02-08': '春节',
    '2027-02-09': '春节', '2027-02-10': '春节', '2027-02-11': '春节',
  },
  workingDays: { '2027-02-20': '春节调休' },
};

describe('legal time into 2027', () => {
  describe('the law, for a year with no notice', () => {
    it('gives New Year, 除夕 to 初三, Qingming, Labour Day, Dragon Boat, Mid-Autumn and National Day, with make-up days for weekends', () => {
      // when
      const daysOff = statutoryDaysOff(2027);

      // then 除夕 is 2027-02-05, 初一 2027-02-06; 初一 and 初二 fall on the weekend and are made up on 02-09 and 02-10
      expect(daysOff).toEqual({
        '2027-01-01': '元旦',
        '2027-02-05': '春节', '2027-02-06': '春节', '2027-02-07': '春节', '2027-02-08': '春节',
        '2027-02-09': '春节补假', '2027-02-10': '春节补假',
        '2027-04-05': '清明节',
        '2027-05-01': '劳动节', '2027-05-02': '劳动节', '2027-05-03': '劳动节补假', '2027-05-04': '劳动节补假',
        '2027-06-09': '端午节',
        '2027-09-15': '中秋节',
        '2027-10-01': '国庆节', '2027-10-02': '国庆节', '2027-10-03': '国庆节', '2027-10-04': '国庆节补假', '2027-10-05': '国庆节补假',
      });
    });

    it.each([2025, 2026])('agrees with the State Council notice of %i: every statutory day of the law is a day off there', (year) => {
      // given the package holds the published notices of the years the 2025 revision is in force
      const statutory = statutoryHolidays(year).flatMap((holiday) => holiday.days);

      // when / then
      expect(statutory.filter((day) => !statutoryHolidayTable.holidays[day])).toEqual([]);
      expect(statutory).toHaveLength(13);
    });

    it('makes up a statutory day that another holiday already takes (Mid-Autumn on 3 October 2028)', () => {
      // when
      const daysOff = statutoryDaysOff(2028);

      // then 2028-10-01 is a Sunday and 10-03 is also 中秋: two make-up days after National Day
      expect(daysOff['2028-10-03']).toBe('中秋节');
      expect(daysOff['2028-10-04']).toBe('国庆节补假');
      expect(daysOff['2028-10-05']).toBe('国庆节补假');
    });

    it('never falls back to weekends only, in any year up to 2099', () => {
      for (let year = 2027; year <= 2099; year++) {
        expect(Object.keys(statutoryDaysOff(year)).length).toBeGreaterThanOrEqual(13);
      }
    });
  });

  describe('deadlines that cross New Year', () => {
    it('skips New Year’s Day 2027: 5 working days from Monday 2026-12-28 10:00 end with Tuesday 2027-01-05', () => {
      // given
      const calendar = createWorkingCalendar();

      // when
      const dueAt = calendar.addWorkingDays('2026-12-28T10:00:00+08:00', 5);

      // then 12-29, 12-30, 12-31, 01-04, 01-05 count; 01-01 is a statutory holiday
      expect(dueAt).toBe('2027-01-06T00:00:00+08:00');
      expect(calendar.provisionalYears('2026-12-28T10:00:00+08:00', dueAt)).toEqual([2027]);
    });

    it('skips 除夕 to 初三 and their make-up days: Linfen’s 45 working days from 2026-12-04 end with 2027-02-12', () => {
      // given
      const calendar = createWorkingCalendar();

      // when
      const dueAt = calendar.addWorkingDays('2026-12-04T09:00:00+08:00', 45);

      // then 43 working days up to Thursday 02-04; 02-05 to 02-10 are off; 02-11 and 02-12 are the 44th and 45th
      expect(dueAt).toBe('2027-02-13T00:00:00+08:00');
    });

    it('is not provisional where the package covers every year of it', () => {
      // given
      const calendar = createWorkingCalendar();

      // when / then
      expect(calendar.provisionalYears('2026-12-01T09:00:00+08:00', '2027-01-01T00:00:00+08:00')).toEqual([]);
      expect(calendar.provisionalYears('2026-12-01T09:00:00+08:00', '2027-01-01T00:00:01+08:00')).toEqual([2027]);
    });
  });

  describe('with the 2027 notice loaded', () => {
    const national = new NationalCalendar().withNotice(SAMPLE_2027);

    it('counts the notice instead of the law, and the deadline is no longer provisional', () => {
      // given
      const calendar = createWorkingCalendar({ national });

      // when
      const dueAt = calendar.addWorkingDays('2026-12-04T09:00:00+08:00', 45);

      // then 02-05 to 02-11 are off, Friday 02-12 is the 44th working day and Monday 02-15 the 45th
      expect(dueAt).toBe('2027-02-16T00:00:00+08:00');
      expect(calendar.provisionalYears('2026-12-04T09:00:00+08:00', dueAt)).toEqual([]);
      expect(national.year(2027).source).toBe('notice');
      expect(national.isProvisional(2028)).toBe(true);
    });

    it('counts the adjusted working Saturday', () => {
      // given
      const lawOnly = createWorkingCalendar();
      const withNotice = createWorkingCalendar({ national });

      // when
      const byLaw = lawOnly.addWorkingDays('2027-02-12T09:00:00+08:00', 10);
      const byNotice = withNotice.addWorkingDays('2027-02-12T09:00:00+08:00', 10);

      // then Saturday 02-20 is the 6th working day under the notice
      expect(withNotice.isWorkingDay('2027-02-20')).toBe(true);
      expect(byLaw).toBe('2027-02-27T00:00:00+08:00');
      expect(byNotice).toBe('2027-02-26T00:00:00+08:00');
    });

    it('lets a zone override change only its own zone', () => {
      // given Linfen serves on Saturday 2027-01-09; Taigu does not
      const linfen = createWorkingCalendar({ zoneId: 'lf', national, overrides: { workingDays: ['2027-01-09'] } });
      const taigu = createWorkingCalendar({ zoneId: 'tg', national });

      // when / then
      expect(linfen.addWorkingDays('2027-01-07T09:00:00+08:00', 2)).toBe('2027-01-10T00:00:00+08:00');
      expect(taigu.addWorkingDays('2027-01-07T09:00:00+08:00', 2)).toBe('2027-01-12T00:00:00+08:00');
    });
  });

  it('says why a deadline is provisional, in Chinese and English', () => {
    expect(provisionalReason([2027])).toContain('2027 年国务院放假安排尚未载入');
    expect(provisionalReason([2027])).toContain('no State Council holiday notice loaded for 2027');
  });
});
