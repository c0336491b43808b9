import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Warning } from '@banjie/contracts';

const LABELS: Record<Warning, string> = { none: '', yellow: '黄牌 Due soon', red: '红牌 Overdue' };

/** The yellow or red card of a task nearing or past its legal limit; nothing when on time. */
@Component({
  selector: 'bj-warning-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (warning() !== 'none') {
    <span class="badge" [class]="'badge badge-' + warning()" [attr.title]="label()">{{ label() }}</span>
  }`,
  styles: `
    .badge { display: inline-block; padding: 0 0.45rem; border-radius: 999px; font-size: 0.75rem; line-height: 1.4rem; font-weight: 600; white-space: nowrap; }
    .badge-yellow { background: var(--bj-yellow-bg); color: var(--bj-yellow-fg); }
    .badge-red { background: var(--bj-red-bg); color: var(--bj-red-fg); }
  `,
})
export class WarningBadge {
  /** The task's warning level. */
  readonly warning = input<Warning>('none');
  protected readonly label = computed(() => LABELS[this.warning()]);
}
