import { MS_PER_DAY } from './beijing-time';

/** Days covered around the first day asked about, before the index grows. */
const INITIAL_SPAN_DAYS = 3 * 366;

/**
 * The working days of one calendar as a sorted array of day numbers (days since 1970-01-01),
 * built lazily over a window of days that doubles whenever a question reaches past it. Adding n
 * working days or counting them between two days is then a binary search and an index step,
 * instead of a walk over every calendar day in between.
 *
 * The window only grows, so the index of a calendar lives as long as the calendar does: a few
 * kilobytes per covered decade.
 */
export class WorkingDayIndex {
  /** First day number the window covers. */
  private from = 0;
  /** First day number past the window. */
  private to = 0;
  /** The working days in `[from, to)`, ascending. */
  private days = new Int32Array(0);

  constructor(private readonly isWorkingDay: (day: string) => boolean) {}

  /** The day number of the n-th working day after day number `day` (n ≥ 1). */
  nthWorkingDayAfter(day: number, n: number): number {
    for (;;) {
      this.cover(day, day + 1);
      const index = this.firstAfter(day) + n - 1;
      if (index < this.days.length) return this.days[index];
      // Not enough working days left in the window: grow it forwards and look again.
      this.cover(day, this.to + Math.max(this.to - this.from, Math.ceil(n * 2) + 14));
    }
  }

  /** How many working days are after day number `from` up to and including day number `to`. */
  countAfterUpTo(from: number, to: number): number {
    if (to <= from) return 0;
    this.cover(from, to + 1);
    return this.firstAfter(to) - this.firstAfter(from);
  }

  /** Index of the first working day after `day` in the window (`days.length` when none is). */
  private firstAfter(day: number): number {
    const days = this.days;
    let low = 0;
    let high = days.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (days[middle] <= day) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Makes the window cover `[from, to)`, rebuilding it at least twice as wide when it does not. */
  private cover(from: number, to: number): void {
    if (this.to > this.from) {
      if (from >= this.from && to <= this.to) return;
      const width = this.to - this.from;
      from = Math.min(from, from < this.from ? this.from - width : this.from);
      to = Math.max(to, to > this.to ? this.to + width : this.to);
    } else {
      // First question: a year before it and two after, where most deadlines of a case fall.
      from -= Math.floor(INITIAL_SPAN_DAYS / 3);
      to = Math.max(to, from + INITIAL_SPAN_DAYS);
    }
    const days = new Int32Array(to - from);
    let count = 0;
    for (let day = from; day < to; day++) {
      if (this.isWorkingDay(new Date(day * MS_PER_DAY).toISOString().slice(0, 10))) days[count++] = day;
    }
    this.from = from;
    this.to = to;
    this.days = days.slice(0, count);
  }
}
