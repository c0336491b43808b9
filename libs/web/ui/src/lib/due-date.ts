import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A task's due date and its legal limit in working days, or a dash when it has none. */
@Component({
  selector: 'bj-due-date',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (dueAt(); as due) {
      <time [attr.datetime]="due">{{ due | date: 'yyyy-MM-dd HH:mm' }}</time>
      @if (limitWorkingDays(); as days) {
        <span class="limit">时限 {{ days }} 工作日</span>
      }
    } @else {
      <span class="none">—</span>
    }`,
  styles: `
    :host { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .limit { margin-left: 0.4rem; color: var(--bj-muted); font-size: 0.8rem; }
    .none { color: var(--bj-muted); }
  `,
})
export class DueDate {
  /** When the task falls due (ISO-8601). */
  readonly dueAt = input<string | undefined>();
  /** The legal limit of the step, in working days. */
  readonly limitWorkingDays = input<number | undefined>();
}
