import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, resource, signal, viewChild } from '@angular/core';
import type { CaseStatus, TaskView } from '@banjie/contracts';
import { createWorkingCalendar } from '@banjie/calendar';
import { AuthSession } from '@banjie/web-data-access';
import { TaskForm } from '@banjie/web-inbox';
import { DueDate, ProblemList, WarningBadge, eventLabel } from '@banjie/web-ui';
import { PlaySession, type PlayStep } from './play-session';

/** The draft as it is in the modeler now: its XML, the flow's forms and DMN files, and the form its start event links. */
export interface PlayDraft {
  readonly xml: string;
  readonly forms: Readonly<Record<string, unknown>>;
  readonly startFormId?: string;
  /** The flow's DMN files (file name → XML), for its business rule tasks. */
  readonly decisions?: Readonly<Record<string, string>>;
}

/** China has kept UTC+8 all year since 1991: no zone database is needed to read Beijing time. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as a Beijing wall time, `yyyy-MM-dd HH:mm` (midnight reads `00:00` of its own day). */
export function formatBeijingTime(instant: string): string {
  const beijing = new Date(Date.parse(instant) + BEIJING_OFFSET_MS);
  return beijing.toISOString().slice(0, 16).replace('T', ' ');
}

const STATUS_LABELS: Record<CaseStatus, string> = {
  active: '运行中 running',
  completed: '已办结 completed',
  cancelled: '已撤销 cancelled',
  terminated: '已终止 terminated',
};

/**
 * 试运行 Play: runs a test case of the draft in this browser with the pure engine (see
 * {@link PlaySession}): start it through its start form, complete tasks through their forms,
 * correlate the messages it waits for, and move a working-day test clock on the zone's calendar
 * to watch deadlines turn yellow and red. Nothing is sent to the server.
 */
@Component({
  selector: 'bj-designer-play',
  imports: [ProblemList, TaskForm, DueDate, WarningBadge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './designer-play.html',
  styleUrl: './designer-play.css',
})
export class DesignerPlay {
  /** The draft to play; `null` while the designer reads it out of the modeler. */
  readonly draft = input.required<PlayDraft | null>();

  private readonly zoneId = inject(AuthSession).user()?.zoneId ?? 'lf';
  private readonly startForm = viewChild<TaskForm>('startForm');
  private readonly taskForm = viewChild<TaskForm>('taskForm');

  /** The draft compiled with its forms: a session to play, or the problems that keep it from running. */
  protected readonly opening = resource({
    params: () => this.draft() ?? undefined,
    loader: ({ params }) =>
      PlaySession.open(params.xml, { ...params.forms }, { zoneId: this.zoneId, calendar: createWorkingCalendar({ zoneId: this.zoneId }), ...(params.decisions ? { decisions: params.decisions } : {}) }),
  });
  protected readonly problems = computed(() => {
    const opened = this.opening.value();
    return opened && !opened.ok ? opened.problems : [];
  });
  /** The run being played; Restart replaces it with a fresh run of the same draft. */
  protected readonly session = linkedSignal(() => {
    const opened = this.opening.value();
    return opened?.ok ? opened.session : null;
  });
  /** Bumped after every step: the session changes in place. */
  private readonly steps = signal(0);
  protected readonly run = computed(() => {
    this.steps();
    const session = this.session();
    if (!session) return null;
    const view = session.view();
    return {
      started: session.started,
      now: formatBeijingTime(session.now),
      status: session.started ? STATUS_LABELS[view.status] : '未启动 not started',
      tasks: view.tasks,
      messages: view.messageSubscriptions ?? [],
      variables: view.variables,
      events: session.events.map(({ at, event }) => ({ at: formatBeijingTime(at), type: event.type, label: eventLabel(event.type) })),
    };
  });
  protected readonly startSchema = computed(() => {
    const draft = this.draft();
    return draft?.startFormId !== undefined ? draft.forms[draft.startFormId] : undefined;
  });
  /** The task being completed through its form. */
  protected readonly working = signal<TaskView | null>(null);
  protected readonly workingSchema = computed(() => {
    const formId = this.working()?.formId;
    return formId !== undefined ? this.draft()?.forms[formId] : undefined;
  });
  protected readonly workingDays = signal('1');
  protected readonly moveTo = signal('');
  /** Why the last step was refused, or the form's validation failed. */
  protected readonly refusal = signal<string | null>(null);

  protected start(): void {
    const form = this.startForm();
    const variables = form ? this.validated(form) : {};
    if (variables) this.apply((session) => session.start(variables));
  }

  protected openTask(task: TaskView): void {
    this.refusal.set(null);
    this.working.set(task);
  }

  protected completeTask(task: TaskView): void {
    const form = this.taskForm();
    const variables = form ? this.validated(form) : {};
    if (!variables) return;
    if (this.apply((session) => session.completeTask(task.id, variables))) this.working.set(null);
  }

  protected correlate(name: string, correlationKey: string): void {
    this.apply((session) => session.correlate(name, correlationKey));
  }

  protected moveClock(): void {
    const days = Number(this.workingDays());
    if (!Number.isInteger(days) || days < 1) {
      this.refusal.set('请输入 1 以上的整数 Enter a whole number of working days from 1');
      return;
    }
    this.apply((session) => session.advanceWorkingDays(days));
  }

  protected moveClockTo(): void {
    const local = this.moveTo();
    if (!local) {
      this.refusal.set('请选择时刻 Choose a date and time first');
      return;
    }
    this.apply((session) => session.advanceTo(`${local}:00+08:00`));
  }

  protected restart(): void {
    this.working.set(null);
    this.refusal.set(null);
    this.session.update((session) => session?.restart() ?? null);
  }

  protected readInput(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  /** Runs one step on the session; true when the engine accepted it. */
  private apply(step: (session: PlaySession) => PlayStep): boolean {
    const session = this.session();
    if (!session) return false;
    const outcome = step(session);
    this.refusal.set(outcome.ok ? null : `被拒绝 Refused: ${outcome.message}`);
    this.steps.update((n) => n + 1);
    return outcome.ok;
  }

  /** The form's values, or `null` when form-js found errors (it shows them at their fields). */
  private validated(form: TaskForm): Record<string, unknown> | null {
    const { data, errors } = form.submit();
    if (Object.keys(errors).length === 0) return data;
    this.refusal.set('表单有误，请修改后再提交 The form has errors: correct the marked fields');
    return null;
  }
}
