import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** One problem of a model or a request, pinned to an element when the server knows which. */
export interface ProblemItem {
  elementId?: string;
  elementType?: string;
  field?: string;
  message: string;
}

/** The list of problems of a rejected deploy or request (`422 details`), or of warnings. */
@Component({
  selector: 'bj-problem-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@if (problems().length) {
    <section class="problems" [class.warnings]="tone() === 'warning'" role="alert">
      <h3>{{ heading() }}</h3>
      <ul>
        @for (problem of problems(); track $index) {
          <li>
            @if (selectable() && problem.elementId) {
              <button type="button" class="element" (click)="selected.emit(problem)" [attr.aria-label]="'在图中选中 Select ' + problem.elementId + ' in the diagram'">
                <code>{{ problem.elementId }}</code>
              </button>
            } @else if (problem.elementId || problem.field) {
              <code>{{ problem.elementId ?? problem.field }}</code>
            }
            @if (problem.elementType) {
              <span class="type">{{ problem.elementType }}</span>
            }
            <span class="message">{{ problem.message }}</span>
          </li>
        }
      </ul>
    </section>
  }`,
  styles: `
    .problems { border: 1px solid var(--bj-red-border); background: var(--bj-red-bg); color: var(--bj-red-fg); border-radius: var(--bj-radius); padding: 0.5rem 0.75rem; }
    .problems.warnings { border-color: var(--bj-yellow-border); background: var(--bj-yellow-bg); color: var(--bj-yellow-fg); }
    h3 { margin: 0 0 0.25rem; font-size: 0.85rem; }
    ul { margin: 0; padding-left: 1.1rem; font-size: 0.85rem; }
    li + li { margin-top: 0.15rem; }
    code { margin-right: 0.35rem; }
    .type { margin-right: 0.35rem; opacity: 0.75; }
    .element { margin-right: 0.35rem; padding: 0 0.25rem; border: 1px solid currentColor; border-radius: var(--bj-radius); background: transparent; color: inherit; cursor: pointer; }
    .element code { margin: 0; }
  `,
})
export class ProblemList {
  /** The problems to show; nothing renders when empty. */
  readonly problems = input<readonly ProblemItem[]>([]);
  /** The heading above the list. */
  readonly heading = input('问题 Problems');
  /** Errors are red, warnings yellow. */
  readonly tone = input<'error' | 'warning'>('error');
  /** When true, the element id of a problem is a button that emits `selected` (the designer selects it on the canvas). */
  readonly selectable = input(false);
  /** The problem whose element the user clicked. */
  readonly selected = output<ProblemItem>();
}
