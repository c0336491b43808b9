import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { CaseStatus } from '@banjie/contracts';

const LABELS: Record<CaseStatus, string> = {
  active: '办理中 Active',
  completed: '已办结 Completed',
  cancelled: '已撤销 Cancelled',
  terminated: '已终止 Terminated',
};

/** A case's status as a small coloured label. */
@Component({
  selector: 'bj-case-status-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip" [class]="'chip chip-' + status()">{{ label() }}</span>`,
  styles: `
    .chip { display: inline-block; padding: 0 0.5rem; border-radius: 999px; font-size: 0.75rem; line-height: 1.4rem; background: var(--bj-surface-2); color: var(--bj-muted); white-space: nowrap; }
    .chip-active { background: var(--bj-accent-bg); color: var(--bj-accent); }
    .chip-completed { background: var(--bj-green-bg); color: var(--bj-green-fg); }
  `,
})
export class CaseStatusChip {
  /** The case status. */
  readonly status = input.required<CaseStatus>();
  protected readonly label = computed(() => LABELS[this.status()]);
}
