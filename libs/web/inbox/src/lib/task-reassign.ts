import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { TaskView, UserView } from '@banjie/contracts';
import { TasksApi, toApiProblem } from '@banjie/web-data-access';

/** The roles that work tasks, as `POST /api/tasks/:id/assign` requires of the new assignee. */
const WORKER_ROLES = new Set(['clerk', 'agent', 'leader']);

/**
 * 转办 Reassign: where a leader hands a task to a colleague of the zone, claimed or not.
 */
@Component({
  selector: 'bj-task-reassign',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2>转办 Reassign: {{ task().name }}</h2>
    <p class="hint">
      {{ task().businessKey || task().caseId }} · 当前 Now: {{ holder() }}
    </p>
    <label for="reassign-to">转办给 Reassign to</label>
    <select id="reassign-to" [value]="chosen()" (change)="choose($event)">
      <option value="">请选择同事 Choose a colleague</option>
      @for (user of workers(); track user.id) {
        <option [value]="user.id">{{ user.name }} {{ user.id }} ({{ user.groups.join(', ') }})</option>
      }
    </select>
    @if (problem(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
    <footer class="actions">
      <button type="button" class="secondary" (click)="cancelled.emit()" [disabled]="busy()">取消 Cancel</button>
      <button type="button" class="primary" (click)="assign()" [disabled]="busy() || !chosen()">确定转办 Assign</button>
    </footer>
  `,
  styles: `
    :host { display: flex; flex-direction: column; gap: 0.5rem; }
    h2 { margin: 0; font-size: 1.05rem; }
    .hint { color: var(--bj-muted); font-size: 0.85rem; margin: 0; }
    .error { color: var(--bj-red-fg); margin: 0; }
    .actions { display: flex; justify-content: flex-end; gap: 0.75rem; border-top: 1px solid var(--bj-border); padding-top: 0.75rem; }
  `,
})
export class TaskReassign {
  /** The task to hand on. */
  readonly task = input.required<TaskView>();
  /** The users of the zone (`GET /api/users`); only those who work tasks are offered. */
  readonly colleagues = input<UserView[]>([]);
  /** Emits the colleague who now has the task. */
  readonly assigned = output<UserView>();
  /** Emits when the leader changed their mind. */
  readonly cancelled = output<void>();

  private readonly tasksApi = inject(TasksApi);

  protected readonly chosen = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly workers = computed(() =>
    this.colleagues().filter((user) => user.id !== this.task().assignee && user.roles.some((role) => WORKER_ROLES.has(role))),
  );
  protected readonly holder = computed(() => {
    const assignee = this.task().assignee;
    if (!assignee) return `待认领 Unclaimed (${this.task().candidateGroups.join(', ')})`;
    const user = this.colleagues().find((u) => u.id === assignee);
    return user ? `${user.name} ${assignee}` : assignee;
  });

  protected choose(event: Event): void {
    this.chosen.set((event.target as HTMLSelectElement).value);
  }

  protected assign(): void {
    const user = this.workers().find((u) => u.id === this.chosen());
    if (!user) return;
    this.busy.set(true);
    this.problem.set(null);
    this.tasksApi.assign(this.task().id, user.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.assigned.emit(user);
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.problem.set(toApiProblem(failure).message);
      },
    });
  }
}
