import type { CalendarDay } from '@banjie/contracts';
import type { ProblemItem } from '@banjie/web-ui';

/** A run of consecutive days with the same name, as a notice writes it (`2月5日至11日 春节`). */
export interface CalendarRange {
  from: string;
  to: string;
  name: string;
  days: number;
}

/** Days read from pasted lines, and what could not be read, by line. */
export interface ParsedCalendarLines {
  days: CalendarDay[];
  problems: ProblemItem[];
}

const MS_PER_DAY = 86_400_000;
/** The longest range one line may name: a year. */
const MAX_RANGE_DAYS = 366;
const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|~|～|至)\s*(\d{4}-\d{2}-\d{2}))?\s+(\S.*)$/;

/**
 * Reads lines as an admin pastes them from a notice: `2027-02-05 春节` for one day,
 * `2027-02-05..2027-02-11 春节` (or `~`, `至`) for every day of a range. Blank lines and lines
 * starting with `#` are skipped; a date given twice is a problem, as the server would say.
 */
export function parseCalendarLines(text: string): ParsedCalendarLines {
  const days: CalendarDay[] = [];
  const problems: ProblemItem[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const field = `第 ${index + 1} 行 line ${index + 1}`;
    const match = LINE.exec(line);
    if (!match) {
      problems.push({ field, message: `“${line}” 不是“日期 名称” Not “YYYY-MM-DD name” or “YYYY-MM-DD..YYYY-MM-DD name”` });
      return;
    }
    const [, from, to = from, name] = match;
    const dates = datesBetween(from, to);
    if (typeof dates === 'string') {
      problems.push({ field, message: dates });
      return;
    }
    for (const date of dates) {
      if (seen.has(date)) problems.push({ field, message: `${date} 重复 listed twice` });
      else days.push({ date, name: name.trim() });
      seen.add(date);
    }
  });
  return { days, problems };
}

/** Days sorted by date, with consecutive days of the same name joined into one range. */
export function calendarRanges(days: readonly CalendarDay[]): CalendarRange[] {
  const ranges: CalendarRange[] = [];
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = ranges.at(-1);
    if (last && last.name === day.name && dayNumber(day.date) === dayNumber(last.to) + 1) {
      last.to = day.date;
      last.days += 1;
    } else {
      ranges.push({ from: day.date, to: day.date, name: day.name, days: 1 });
    }
  }
  return ranges;
}

/** Days as the lines {@link parseCalendarLines} reads, one range per line. */
export function formatCalendarLines(days: readonly CalendarDay[]): string {
  return calendarRanges(days)
    .map((range) => (range.days > 1 ? `${range.from}..${range.to} ${range.name}` : `${range.from} ${range.name}`))
    .join('\n');
}

/** Whether a text is a real day of the Gregorian calendar, `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** Every day from one date to another, or why there are none. */
function datesBetween(from: string, to: string): string[] | string {
  for (const date of [from, to]) {
    if (!isCalendarDate(date)) return `${date} 不是有效日期 is not a real day`;
  }
  const first = dayNumber(from);
  const count = dayNumber(to) - first + 1;
  if (count < 1) return `${to} 早于 ${from} The range ends before it starts`;
  if (count > MAX_RANGE_DAYS) return `${from}..${to} 超过一年 The range is longer than a year`;
  return Array.from({ length: count }, (_, i) => new Date((first + i) * MS_PER_DAY).toISOString().slice(0, 10));
}

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
}
