import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { CaseView, TaskView } from '@banjie/contracts';
import { TasksApi, toApiProblem, type TaskScope } from '@banjie/web-data-access';
import { DueDate, WarningBadge } from '@banjie/web-ui';
import { forkJoin } from 'rxjs';
import { TaskWorkbench } from './task-workbench';

/** The two queues of the inbox: tasks assigned to me, and tasks open to my groups. */
type InboxQueue = Extract<TaskScope, 'mine' | 'candidate'>;

/**
 * 待办 Inbox: the clerk's open tasks with their deadlines, where a task is claimed, opened and
 * completed.
 */
@Component({
  selector: 'bj-inbox-page',
  imports: [DatePipe, RouterLink, DueDate, WarningBadge, TaskWorkbench],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbox-page.html',
  styleUrl: './inbox-page.css',
})
export class InboxPage {
  private readonly tasksApi = inject(TasksApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly queue = signal<InboxQueue>('mine');
  protected readonly tasks = signal<Record<InboxQueue, TaskView[]>>({ mine: [], candidate: [] });
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly shown = computed(() => this.tasks()[this.queue()]);
  protected readonly selected = computed(() => this.tasks().mine.find((task) => task.id === this.selectedId()) ?? null);

  constructor() {
    this.reload();
  }

  /** Reloads both queues from the server. */
  reload(): void {
    this.loading.set(true);
    forkJoin({ mine: this.tasksApi.list('mine'), candidate: this.tasksApi.list('candidate') })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (tasks) => {
          this.tasks.set({ mine: tasks.mine, candidate: tasks.candidate.filter((task) => !task.assignee) });
          this.loading.set(false);
          this.error.set(null);
        },
        error: (failure: unknown) => {
          this.loading.set(false);
          this.error.set(toApiProblem(failure).message);
        },
      });
  }

  protected show(queue: InboxQueue): void {
    this.queue.set(queue);
  }

  protected open(task: TaskView): void {
    this.notice.set(null);
    this.selectedId.set(task.id);
  }

  protected claim(task: TaskView): void {
    this.tasksApi.claim(task.id).subscribe({
      next: () => {
        this.notice.set(`已认领 Claimed: ${task.name}`);
        this.selectedId.set(task.id);
        this.queue.set('mine');
        this.reload();
      },
      error: (failure: unknown) => this.error.set(toApiProblem(failure).message),
    });
  }

  protected onReleased(task: TaskView): void {
    this.selectedId.set(null);
    this.notice.set(`已退回 Released: ${task.name}`);
    this.reload();
  }

  protected onCompleted(task: TaskView, caseView: CaseView): void {
    this.selectedId.set(null);
    this.notice.set(`已办结 Completed: ${task.name} (${caseView.businessKey || caseView.id})`);
    this.reload();
  }
}
