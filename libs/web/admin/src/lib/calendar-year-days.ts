import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { CalendarDay } from '@banjie/contracts';
import { calendarRanges } from './calendar-lines';

/** A year's days off and working days, read-only, consecutive days of one holiday joined into a range. */
@Component({
  selector: 'bj-calendar-year-days',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (list of lists(); track list.label) {
      <section [attr.data-list]="list.key">
        <h3>
          {{ list.label }} <span class="count">{{ list.total }} 天 days</span>
        </h3>
        <ul>
          @for (range of list.ranges; track range.from) {
            <li>
              <span class="dates">{{ range.from }}@if (range.days > 1) { – {{ range.to }} }</span>
              <span class="name">{{ range.name }}</span>
              @if (range.days > 1) {
                <span class="count">{{ range.days }} 天</span>
              }
            </li>
          } @empty {
            <li class="none">无 None</li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    :host { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0.75rem; }
    h3 { font-size: 0.85rem; margin: 0 0 0.3rem; }
    ul { list-style: none; margin: 0; padding: 0; font-size: 0.85rem; }
    li { padding: 0.15rem 0; border-bottom: 1px solid var(--bj-border); display: flex; gap: 0.6rem; }
    .dates { font-variant-numeric: tabular-nums; min-width: 12rem; }
    .name { font-weight: 600; }
    .count, .none { color: var(--bj-muted); font-weight: 400; font-size: 0.8rem; }
  `,
})
export class CalendarYearDays {
  /** The days off. */
  readonly daysOff = input<readonly CalendarDay[]>([]);
  /** The working days on weekends. */
  readonly workingDays = input<readonly CalendarDay[]>([]);
  /** Headings of the two lists. */
  readonly labels = input<readonly [string, string]>(['放假 Days off', '调休上班 Adjusted working days']);

  protected readonly lists = computed(() => [
    { key: 'daysOff', label: this.labels()[0], total: this.daysOff().length, ranges: calendarRanges(this.daysOff()) },
    { key: 'workingDays', label: this.labels()[1], total: this.workingDays().length, ranges: calendarRanges(this.workingDays()) },
  ]);
}
