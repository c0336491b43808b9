import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { CaseView, IncidentView } from '@banjie/contracts';
import { CasesApi, OperationsApi, toApiProblem } from '@banjie/web-data-access';
import { ProblemList, VariablesEditor, type ProblemItem } from '@banjie/web-ui';
import { concatMap, of, type Observable } from 'rxjs';

/**
 * The repair of one incident: the case's variables to fix, 重试 Retry (the variables first when
 * edited, then the step again), or 撤销 Cancel the case with a reason.
 */
@Component({
  selector: 'bj-incident-repair',
  imports: [RouterLink, VariablesEditor, ProblemList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './incident-repair.html',
  styleUrl: './incident-repair.css',
})
export class IncidentRepair {
  private readonly cases = inject(CasesApi);
  private readonly operations = inject(OperationsApi);

  readonly incident = input.required<IncidentView>();
  /** The case after a retry (it may hold a new incident when the step failed again). */
  readonly retried = output<CaseView>();
  readonly cancelled = output<CaseView>();

  protected readonly caseView = rxResource({ params: () => this.incident().caseId, stream: ({ params }) => this.cases.get(params) });
  /** The variables as edited; the case's own until the user changes them. */
  protected readonly variables = linkedSignal<Record<string, unknown>>(() => this.caseView.value()?.variables ?? {});
  protected readonly edited = computed(() => JSON.stringify(this.variables()) !== JSON.stringify(this.caseView.value()?.variables ?? {}));
  protected readonly reason = signal('');
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly problems = signal<ProblemItem[]>([]);
  protected readonly loadError = computed(() => (this.caseView.error() ? toApiProblem(this.caseView.error()).message : null));

  /** Saves the edited variables without retrying. */
  protected save(): void {
    this.run(this.saveVariables(), () => this.notice.set('变量已保存 Variables saved'));
  }

  /** Saves the edited variables, then resolves the incident so its step runs again. */
  protected retry(): void {
    const { id } = this.incident();
    this.run(
      this.saveVariables().pipe(concatMap(() => this.operations.retry(id))),
      (view) => this.retried.emit(view),
    );
  }

  protected cancelCase(): void {
    const reason = this.reason().trim();
    if (!reason) {
      this.problems.set([{ field: 'reason', message: '请填写撤销原因 Give a reason for cancelling' }]);
      return;
    }
    this.run(this.operations.cancelCase(this.incident().caseId, reason), (view) => this.cancelled.emit(view));
  }

  protected typeReason(event: Event): void {
    this.reason.set((event.target as HTMLInputElement).value);
  }

  private saveVariables(): Observable<CaseView | null> {
    if (!this.edited()) return of(null);
    return this.operations.setVariables(this.incident().caseId, { variables: this.variables() });
  }

  private run<T>(call: Observable<T>, done: (value: T) => void): void {
    this.busy.set(true);
    this.notice.set(null);
    this.problems.set([]);
    call.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        const problem = toApiProblem(failure);
        this.problems.set(problem.details.length ? problem.details : [{ message: problem.message }]);
      },
    });
  }
}
