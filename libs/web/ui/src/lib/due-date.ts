import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** China has kept UTC+8 all year since 1991: no zone database is needed to read Beijing time. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** What the provisional mark says on hover when the server gives no reason. */
export const DEFAULT_PROVISIONAL_REASON = '未载入国务院放假通知，仅按法定节假日推算 No State Council holiday notice loaded: counted on the statutory days only';

/**
 * An instant as a deadline reads in Beijing time, whatever the browser's zone: `yyyy-MM-dd HH:mm`,
 * with midnight shown as `24:00` of the day before, the end of the last working day, because
 * `2026-12-08 00:00` reads as the wrong day. Answers the input unchanged when it is not an instant.
 */
export function formatBeijingDeadline(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  const beijing = new Date(ms + BEIJING_OFFSET_MS);
  const midnight = beijing.getUTCHours() === 0 && beijing.getUTCMinutes() === 0;
  const day = midnight ? new Date(beijing.getTime() - 1) : beijing;
  const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
  return midnight ? `${date} 24:00` : `${date} ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}`;
}

/**
 * A deadline as clerks read it (`截止 2026-12-07 24:00`, Beijing time), its legal limit in working
 * days, and a 暂定 mark when it was counted without the year's holiday notice; a dash without one.
 */
@Component({
  selector: 'bj-due-date',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (dueAt(); as due) {
      <span class="lead">截止 </span><time [attr.datetime]="due">{{ shown() }}</time>
      @if (provisional()) {
        <span class="provisional" role="img" [attr.title]="reason()" [attr.aria-label]="'暂定 Provisional: ' + reason()">暂定</span>
      }
      @if (limitWorkingDays(); as days) {
        <span class="limit">时限 {{ days }} 工作日</span>
      }
    } @else {
      <span class="none">—</span>
    }`,
  styles: `
    :host { white-space: nowrap; font-variant-numeric: tabular-nums; }
    .lead { font-size: 0.8rem; }
    .provisional { display: inline-block; margin-left: 0.3rem; padding: 0 0.35rem; border-radius: 999px; border: 1px solid var(--bj-yellow-border); background: var(--bj-yellow-bg); color: var(--bj-yellow-fg); font-size: 0.72rem; line-height: 1.2rem; cursor: help; }
    .limit { margin-left: 0.4rem; color: var(--bj-muted); font-size: 0.8rem; }
    .none { color: var(--bj-muted); }
  `,
})
export class DueDate {
  /** When the deadline falls due (ISO-8601 instant). */
  readonly dueAt = input<string | undefined>();
  /** The legal limit of the step, in working days. */
  readonly limitWorkingDays = input<number | undefined>();
  /** The deadline was counted over a year whose holiday notice is not loaded. */
  readonly provisional = input<boolean | undefined>(false);
  /** Why it is provisional, shown on hover. */
  readonly provisionalReason = input<string | undefined>();

  protected readonly shown = computed(() => formatBeijingDeadline(this.dueAt() ?? ''));
  protected readonly reason = computed(() => this.provisionalReason() || DEFAULT_PROVISIONAL_REASON);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
