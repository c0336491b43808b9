import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ApiProblem } from '@banjie/web-data-access';
import { ProblemList } from '@banjie/web-ui';

/** Where a save of a calendar form stands: under way, refused with the server's problem, or done. */
export interface CalendarSaveState {
  busy: boolean;
  problem: ApiProblem | null;
  result: string | null;
}

/** A save not yet tried. */
export const CALENDAR_SAVE_IDLE: CalendarSaveState = { busy: false, problem: null, result: null };

/** What came of a calendar save: what it recomputed, or why the server refused it. */
@Component({
  selector: 'bj-calendar-save-outcome',
  imports: [ProblemList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state().result; as result) {
      <p class="result" role="status">{{ result }}</p>
    }
    @if (state().problem; as problem) {
      <p class="error" role="alert">{{ problem.message }}</p>
      <bj-problem-list [problems]="problem.details" heading="服务器拒绝 Refused by the server" />
    }
  `,
  styles: `
    .result { color: var(--bj-green-fg); background: var(--bj-green-bg); padding: 0.35rem 0.6rem; border-radius: var(--bj-radius); margin: 0.5rem 0 0; }
    .error { color: var(--bj-red-fg); margin: 0.5rem 0 0.35rem; }
  `,
})
export class CalendarSaveOutcome {
  /** The save to report on. */
  readonly state = input<CalendarSaveState>(CALENDAR_SAVE_IDLE);
}
