import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { CaseEventView, CaseView, TaskView } from '@banjie/contracts';
import { AuthSession, CasesApi, DefinitionsApi, TasksApi, toApiProblem } from '@banjie/web-data-access';
import { DueDate, ProblemList, VariablesEditor, WarningBadge, type ProblemItem } from '@banjie/web-ui';
import { Subscription, map, switchMap } from 'rxjs';
import { CaseRecord } from './case-record';
import { TaskForm } from './task-form';

/** What the workbench knows about the task's case and form. */
interface TaskContext {
  caseView: CaseView;
  formSchema: unknown | null;
  /** Every form of the flow, for the labels of the case's data. */
  forms: Record<string, unknown>;
}

/**
 * Where a clerk works one task: its form (or a plain variables editor when the step has no
 * form), the case's data and earlier steps beside it, and the button that completes it.
 */
@Component({
  selector: 'bj-task-workbench',
  imports: [TaskForm, CaseRecord, VariablesEditor, ProblemList, DueDate, WarningBadge, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-workbench.html',
  styleUrl: './task-workbench.css',
})
export class TaskWorkbench {
  /** The task being worked. */
  readonly task = input.required<TaskView>();
  /** Emits the case as it stands after the task was completed. */
  readonly completed = output<CaseView>();
  /** Emits when the clerk gave the task back to its groups. */
  readonly released = output<void>();

  private readonly tasksApi = inject(TasksApi);
  private readonly casesApi = inject(CasesApi);
  private readonly definitionsApi = inject(DefinitionsApi);
  private readonly session = inject(AuthSession);
  private readonly destroyRef = inject(DestroyRef);
  private readonly taskForm = viewChild(TaskForm);

  protected readonly context = signal<TaskContext | null>(null);
  protected readonly variables = signal<Record<string, unknown>>({});
  protected readonly events = signal<CaseEventView[]>([]);
  protected readonly busy = signal(false);
  protected readonly problem = signal<{ message: string; details: ProblemItem[] } | null>(null);
  protected readonly mine = computed(() => this.task().assignee === this.session.user()?.id);
  /** Which task is worked: the inbox's live refresh hands in a new object for the same task, which must not reset a form being filled. */
  private readonly taskId = computed(() => this.task().id);
  /** The requests of the task being loaded, cancelled when another task is chosen, so a slow answer never fills the wrong form. */
  private loading = new Subscription();

  constructor() {
    effect(() => {
      this.taskId();
      untracked(() => this.load(this.task()));
    });
    this.destroyRef.onDestroy(() => this.loading.unsubscribe());
  }

  protected complete(): void {
    let variables = this.variables();
    const form = this.taskForm();
    if (form) {
      const result = form.submit();
      if (Object.keys(result.errors).length) {
        this.problem.set({ message: '请检查表单 Please check the form', details: [] });
        return;
      }
      variables = result.data;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.tasksApi.complete(this.task().id, variables).subscribe({
      next: (caseView) => {
        this.busy.set(false);
        this.completed.emit(caseView);
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        const { message, details } = toApiProblem(failure);
        this.problem.set({ message, details });
      },
    });
  }

  protected release(): void {
    this.busy.set(true);
    this.tasksApi.unclaim(this.task().id).subscribe({
      next: () => {
        this.busy.set(false);
        this.released.emit();
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.problem.set({ message: toApiProblem(failure).message, details: [] });
      },
    });
  }

  private load(task: TaskView): void {
    this.loading.unsubscribe();
    this.loading = new Subscription();
    this.context.set(null);
    this.problem.set(null);
    this.variables.set({});
    this.events.set([]);
    // The history is a side panel: the form works without it, so it loads on its own.
    this.loading.add(
      this.casesApi
        .events(task.caseId)
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({ next: (events) => this.events.set(events), error: () => this.events.set([]) }),
    );
    const context$ = this.casesApi.get(task.caseId).pipe(
      switchMap((caseView) =>
        this.definitionsApi
          .get(caseView.definitionKey, caseView.version, caseView.zoneId)
          .pipe(map((definition) => ({ caseView, forms: definition.forms ?? {}, formSchema: task.formId ? (definition.forms?.[task.formId] ?? null) : null }))),
      ),
      takeUntilDestroyed(this.destroyRef),
    );
    this.loading.add(
      context$.subscribe({
        next: (context) => this.context.set(context),
        error: (failure: unknown) => this.problem.set({ message: toApiProblem(failure).message, details: [] }),
      }),
    );
  }
}
