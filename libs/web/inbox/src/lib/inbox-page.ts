import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { CaseView, TaskView, UserView } from '@banjie/contracts';
import { AuthSession, DefinitionsApi, TasksApi, UsersApi, ZoneLiveFeed, toApiProblem, type TaskScope } from '@banjie/web-data-access';
import { DueDate, WarningBadge } from '@banjie/web-ui';
import { Observable, Subject, catchError, forkJoin, interval, map, of, switchMap } from 'rxjs';
import { TaskReassign } from './task-reassign';
import { byUrgency } from './task-urgency';
import { TaskWorkbench } from './task-workbench';

/** The queues of the inbox: tasks assigned to me, tasks open to my groups, and (leaders) every open task of the zone. */
type InboxQueue = TaskScope;

/** How often a province-wide user's inbox is read again: there is no zone stream to follow. */
export const PROVINCE_REFRESH_MS = 60_000;

type Queues = Record<InboxQueue, TaskView[]>;

/**
 * 待办 Inbox: the clerk's open tasks, most urgent first, with their deadlines, where a task is
 * claimed, opened and completed, and a leader hands one to a colleague. The lists follow the
 * zone's live stream: a burst of task events reads them again, once.
 */
@Component({
  selector: 'bj-inbox-page',
  imports: [DatePipe, RouterLink, DueDate, WarningBadge, TaskWorkbench, TaskReassign],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbox-page.html',
  styleUrl: './inbox-page.css',
})
export class InboxPage {
  private readonly tasksApi = inject(TasksApi);
  private readonly usersApi = inject(UsersApi);
  private readonly definitionsApi = inject(DefinitionsApi);
  private readonly zoneLive = inject(ZoneLiveFeed);
  private readonly user = inject(AuthSession).user();
  private readonly destroyRef = inject(DestroyRef);
  private readonly reloads = new Subject<void>();

  /** Leaders (and a zone's admin) see every open task of the zone and may hand tasks on. */
  protected readonly leads = !!this.user && this.user.zoneId !== 'province' && this.user.roles.some((role) => role === 'leader' || role === 'admin');
  /** How the lists keep up: the zone's live stream, or a periodic read for province-wide users. */
  protected readonly liveMode: 'live' | 'interval' | 'none' = !this.user ? 'none' : this.user.zoneId === 'province' ? 'interval' : 'live';

  protected readonly queue = signal<InboxQueue>('mine');
  protected readonly tasks = signal<Queues>({ mine: [], candidate: [], all: [] });
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly reassigningId = signal<string | null>(null);
  protected readonly flow = signal('');
  protected readonly flows = signal<{ key: string; name: string }[]>([]);
  protected readonly colleagues = signal<UserView[]>([]);
  protected readonly shown = computed(() => {
    const flow = this.flow();
    const queue = this.tasks()[this.queue()];
    return queue.filter((task) => !flow || task.definitionKey === flow).sort(byUrgency);
  });
  protected readonly selected = computed(() => this.tasks().mine.find((task) => task.id === this.selectedId()) ?? null);
  protected readonly reassigning = computed(() => this.allTasks().find((task) => task.id === this.reassigningId()) ?? null);
  private readonly allTasks = computed(() => [...this.tasks().mine, ...this.tasks().candidate, ...this.tasks().all]);

  constructor() {
    this.reloads
      .pipe(
        switchMap(() => this.readQueues()),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if (result instanceof Error) {
          this.error.set(result.message);
          return;
        }
        this.tasks.set(result);
        this.error.set(null);
      });
    this.reload();
    this.definitionsApi
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (definitions) => this.flows.set(definitions.map(({ key, name }) => ({ key, name: name || key }))), error: () => this.flows.set([]) });
    if (this.leads) {
      this.usersApi
        .list()
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({ next: (users) => this.colleagues.set(users), error: (failure: unknown) => this.error.set(toApiProblem(failure).message) });
    }
    this.followChanges();
  }

  /** Reads the queues from the server again (a read still under way is dropped). */
  reload(): void {
    this.loading.set(true);
    this.reloads.next();
  }

  protected show(queue: InboxQueue): void {
    this.queue.set(queue);
  }

  protected chooseFlow(event: Event): void {
    this.flow.set((event.target as HTMLSelectElement).value);
  }

  protected flowName(key: string | undefined): string {
    return this.flows().find((flow) => flow.key === key)?.name ?? key ?? '';
  }

  protected open(task: TaskView): void {
    this.notice.set(null);
    this.reassigningId.set(null);
    this.selectedId.set(task.id);
  }

  protected startReassign(task: TaskView): void {
    this.notice.set(null);
    this.selectedId.set(null);
    this.reassigningId.set(task.id);
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

  protected onReassigned(task: TaskView, user: UserView): void {
    this.reassigningId.set(null);
    this.notice.set(`已转办 Reassigned: ${task.name} → ${user.name} ${user.id}`);
    this.reload();
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

  private readQueues(): Observable<Queues | Error> {
    const all = this.leads ? this.tasksApi.list('all') : of<TaskView[]>([]);
    return forkJoin({ mine: this.tasksApi.list('mine'), candidate: this.tasksApi.list('candidate'), all }).pipe(
      map(({ mine, candidate, all }): Queues => ({ mine, candidate: candidate.filter((task) => !task.assignee), all })),
      catchError((failure: unknown) => of(new Error(toApiProblem(failure).message))),
    );
  }

  /** Reads the lists again after task events of the zone, or every minute for province-wide users. */
  private followChanges(): void {
    let changes: Observable<unknown> | null = null;
    if (this.liveMode === 'live' && this.user) changes = this.zoneLive.taskListChanges(this.user.zoneId);
    else if (this.liveMode === 'interval') changes = interval(PROVINCE_REFRESH_MS);
    changes?.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.reload());
  }
}
