import { createWorkingCalendar, type WorkingCalendar } from '@banjie/calendar';
import {
  compileWithDecisions,
  decideAndEvolve,
  initialCaseState,
  toCaseView,
  type CaseState,
  type CaseViewCore,
  type DecisionResources,
  type EngineCommand,
  type EngineEvent,
  type ModelProblem,
  type ProcessModel,
} from '@banjie/engine';

type Variables = Record<string, unknown>;

/** The outcome of one Play step: accepted (its events) or refused with the engine's reason. */
export type PlayStep = { ok: true; events: readonly EngineEvent[] } | { ok: false; message: string };

/** One event of a play run, with the test clock at which it was decided. */
export interface PlayEvent {
  readonly at: string;
  readonly event: EngineEvent;
}

/** Where a play run starts: the draft's zone and the test clock's first instant. */
export interface PlayOptions {
  readonly zoneId?: string;
  /** ISO-8601 with offset; default Monday 2026-03-02 09:00 Beijing time. */
  readonly now?: string;
  readonly calendar?: WorkingCalendar;
  /** The DMN files of the draft (file name → XML), for its business rule tasks. */
  readonly decisions?: DecisionResources;
}

/**
 * 试运行 Play: a test case of a designer's draft run entirely in the browser with the pure
 * engine and an in-memory event list. Nothing is sent to the server. The test clock only moves
 * forward; moving it fires the timers that fall due on the way (legal-limit warnings turn the
 * deadlines yellow, then red), in due order, each at its own due time.
 */
export class PlaySession {
  private state: CaseState = initialCaseState();
  private readonly log: PlayEvent[] = [];
  private nextId = 0;
  private clock: string;
  private readonly calendar: WorkingCalendar;
  private readonly zoneId: string;

  private constructor(
    readonly model: ProcessModel,
    private readonly options: PlayOptions,
  ) {
    this.clock = options.now ?? '2026-03-02T09:00:00+08:00';
    this.zoneId = options.zoneId ?? 'lf';
    this.calendar = options.calendar ?? createWorkingCalendar({ zoneId: this.zoneId });
  }

  /** Compiles the draft with its forms and DMN files; the compile problems when it cannot run. */
  static async open(xml: string, forms: Record<string, unknown>, options: PlayOptions = {}): Promise<{ ok: true; session: PlaySession } | { ok: false; problems: readonly ModelProblem[] }> {
    const result = await compileWithDecisions(xml, { forms, ...(options.decisions ? { decisionResources: options.decisions } : {}) });
    if (!result.ok) return { ok: false, problems: result.problems };
    return { ok: true, session: new PlaySession(result.model, options) };
  }

  /** A new run of the same compiled draft, from the first instant of the test clock, with no events. */
  restart(): PlaySession {
    return new PlaySession(this.model, { ...this.options, calendar: this.calendar });
  }

  /** The test clock. */
  get now(): string {
    return this.clock;
  }

  /** Every event of the run so far, oldest first. */
  get events(): readonly PlayEvent[] {
    return this.log;
  }

  /** The case as the case page would show it (tasks with their warning, active and completed elements). */
  view(): CaseViewCore {
    return toCaseView(this.state);
  }

  get started(): boolean {
    return this.state.status !== 'none';
  }

  /** Starts the test case with the start form's variables. */
  start(variables: Variables = {}): PlayStep {
    if (this.started) return { ok: false, message: 'the play case has already started' };
    // The case id must differ from every id `newId` hands out (`play-1`, `play-2`…).
    return this.run({ type: 'StartCase', caseId: 'play-case', definitionKey: this.model.key, version: 1, zoneId: this.zoneId, businessKey: 'PLAY-1', variables });
  }

  /** Completes an open user task with its form's variables. */
  completeTask(taskId: string, variables: Variables = {}, userId = 'play'): PlayStep {
    return this.run({ type: 'CompleteTask', taskId, userId, variables });
  }

  /** Correlates a message by name and correlation key. */
  correlate(name: string, correlationKey?: string, variables: Variables = {}): PlayStep {
    return this.run({ type: 'CorrelateMessage', name, ...(correlationKey ? { correlationKey } : {}), variables });
  }

  /** Moves the clock to the end of the n-th working day from now (the engine's calendar, holidays included). */
  advanceWorkingDays(n: number): PlayStep {
    return this.advanceTo(this.calendar.addWorkingDays(this.clock, n));
  }

  /** Moves the clock n calendar days on. */
  advanceDays(n: number): PlayStep {
    return this.advanceTo(new Date(Date.parse(this.clock) + n * 86_400_000).toISOString());
  }

  /** Moves the clock to a time (never back), firing every timer due on the way at its due time. */
  advanceTo(time: string): PlayStep {
    const target = Date.parse(time);
    if (Number.isNaN(target)) return { ok: false, message: `"${time}" is not a date` };
    if (target < Date.parse(this.clock)) return { ok: false, message: 'the test clock does not move back' };
    const fired: EngineEvent[] = [];
    const tried = new Set<string>();
    for (;;) {
      const due = this.state.status === 'active' ? [...this.state.timers].filter((t) => !tried.has(t.timerId) && Date.parse(t.dueAt) <= target).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0] : undefined;
      if (!due) break;
      tried.add(due.timerId);
      if (Date.parse(due.dueAt) > Date.parse(this.clock)) this.clock = due.dueAt;
      const step = this.run({ type: 'FireTimer', timerId: due.timerId });
      if (!step.ok) return step;
      fired.push(...step.events);
    }
    this.clock = new Date(target).toISOString();
    return { ok: true, events: fired };
  }

  private run(command: EngineCommand): PlayStep {
    const { decision, state } = decideAndEvolve(this.model, this.state, command, {
      now: this.clock,
      newId: () => `play-${++this.nextId}`,
      calendar: this.calendar,
    });
    if (!decision.ok) return { ok: false, message: decision.rejection.message };
    this.state = state;
    for (const event of decision.events) this.log.push({ at: this.clock, event });
    return { ok: true, events: decision.events };
  }
}
