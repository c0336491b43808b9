import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import { addCalendarDays, weekdayOf } from './beijing-time';

/**
 * The statutory days off of every citizen (全体公民放假的节日) under the 全国年节及纪念日放假办法
 * as revised in force from 2025-01-01, with the names the State Council's notices use.
 */
export interface StatutoryHoliday {
  readonly name: string;
  /** The days of the holiday in the order the law lists them (`YYYY-MM-DD`). */
  readonly days: readonly string[];
}

/** The lunar calendar of `chinese-days` covers 1901 to 2099; outside it only the solar holidays are known. */
const FIRST_LUNAR_YEAR = 1901;
const LAST_LUNAR_YEAR = 2099;

/**
 * The holidays of the law in one year (第二条 of the 2025 revision):
 * 元旦 1 day (1 January); 春节 4 days (除夕 to 正月初三); 清明节 1 day (the day of the solar term);
 * 劳动节 2 days (1–2 May); 端午节 1 day (五月初五); 中秋节 1 day (八月十五); 国庆节 3 days (1–3 October).
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  const solar = (month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
  const holidays: StatutoryHoliday[] = [{ name: '元旦', days: [solar(1, 1)] }];
  const lunarKnown = year >= FIRST_LUNAR_YEAR && year <= LAST_LUNAR_YEAR;
  if (lunarKnown) {
    // 除夕 is the last day of the lunar year, the day before 正月初一 (the 12th month may have 29 or 30 days).
    const newYear = lunarToSolar(year, 1, 1);
    holidays.push({ name: '春节', days: [addCalendarDays(newYear, -1), newYear, addCalendarDays(newYear, 1), addCalendarDays(newYear, 2)] });
    holidays.push({ name: '清明节', days: [getSolarTermDate(year, 4, 'pure_brightness')] });
  }
  holidays.push({ name: '劳动节', days: [solar(5, 1), solar(5, 2)] });
  if (lunarKnown) {
    holidays.push({ name: '端午节', days: [lunarToSolar(year, 5, 5)] });
    holidays.push({ name: '中秋节', days: [lunarToSolar(year, 8, 15)] });
  }
  holidays.push({ name: '国庆节', days: [solar(10, 1), solar(10, 2), solar(10, 3)] });
  return holidays;
}

/**
 * The days off the law alone gives in one year, `YYYY-MM-DD` → name: the statutory days, and for
 * each of them that falls on a Saturday or Sunday (or on a day another holiday already takes) a
 * make-up day off (补假, 第六条) on the first working day after that holiday that is not already
 * off. This is what the calendar counts for a year whose State Council notice is not loaded: the
 * notice will move weekends around (调休), but it never gives fewer days off than these.
 */
export function statutoryDaysOff(year: number): Record<string, string> {
  const daysOff: Record<string, string> = {};
  const holidays = statutoryHolidays(year);
  for (const holiday of holidays) {
    for (const day of holiday.days) if (!daysOff[day]) daysOff[day] = holiday.name;
  }
  const taken = new Set<string>();
  for (const holiday of holidays) {
    let makeUps = 0;
    for (const day of holiday.days) {
      const weekday = weekdayOf(day);
      const clash = taken.has(day);
      taken.add(day);
      if (weekday === 0 || weekday === 6 || clash) makeUps += 1;
    }
    let day = holiday.days[holiday.days.length - 1];
    while (makeUps > 0) {
      day = addCalendarDays(day, 1);
      const weekday = weekdayOf(day);
      if (weekday === 0 || weekday === 6 || daysOff[day]) continue;
      daysOff[day] = `${holiday.name}补假`;
      taken.add(day);
      makeUps -= 1;
    }
  }
  return Object.fromEntries(Object.entries(daysOff).sort(([a], [b]) => a.localeCompare(b)));
}

function lunarToSolar(year: number, month: number, day: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date;
}
