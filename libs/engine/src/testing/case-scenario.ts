import { readFileSync } from 'node:fs';
import { createWorkingCalendar, type WorkingCalendar } from '@banjie/calendar';
import { compile } from '../compile/compile';
import { decide } from '../decide';
import { fold } from '../evolve';
import type { EngineCommand, EngineContext, EngineEvent, Rejection } from '../lib/api';
import type { ProcessModel } from '../model/process-model';
import { initialCaseState, type CaseState, type TimerState } from '../state/case-state';

/** Compiles a fixture file, failing the test with the problems when it does not compile. */
export async function compileFixture(path: string): Promise<ProcessModel> {
  const result = await compile(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`fixture ${path} does not compile: ${JSON.stringify(result.problems)}`);
  return result.model;
}

/**
 * A case driven command by command in a test, Emmett style: `when(command)` returns the events
 * the engine decided (and applies them), with a clock the test moves and ids `id-1`, `id-2`….
 */
export class CaseScenario {
  state: CaseState = initialCaseState();
  readonly history: EngineEvent[] = [];
  now = '2026-03-02T09:00:00+08:00';
  private nextId = 0;
  /** The working-day calendar of the next command (a test may load a notice into it). */
  calendar: WorkingCalendar = createWorkingCalendar();
  /** Called processes by key (latest) and by `key@version` (pinned). */
  calledModels: Record<string, { model: ProcessModel; version: number }> = {};

  constructor(
    readonly model: ProcessModel,
    readonly caseId = 'case-1',
  ) {}

  /** The context of the next command. */
  context(): EngineContext {
    return {
      now: this.now,
      newId: () => `id-${++this.nextId}`,
      calendar: this.calendar,
      resolveModel: (key: string, version?: number) => (version === undefined ? this.calledModels[key] : this.calledModels[`${key}@${version}`]),
    };
  }

  /** Starts the case with the model's key and these variables. */
  start(variables: Record<string, unknown> = {}, extra: Partial<Extract<EngineCommand, { type: 'StartCase' }>> = {}): EngineEvent[] {
    return this.when({ type: 'StartCase', caseId: this.caseId, definitionKey: this.model.key, version: 1, zoneId: 'lf', businessKey: 'LF-2026-001', variables, ...extra });
  }

  /** Runs a command that must be accepted, and returns its events. `FireTimer` first moves the clock to the timer's due time, as the scheduler would wait for it. */
  when(command: EngineCommand): EngineEvent[] {
    if (command.type === 'FireTimer') this.advanceTo(this.state.timers.find((t) => t.timerId === command.timerId)?.dueAt);
    const decision = decide(this.model, this.state, command, this.context());
    if (!decision.ok) throw new Error(`${command.type} was refused: ${decision.rejection.message}`);
    this.state = fold(decision.events, this.state);
    this.history.push(...decision.events);
    return decision.events;
  }

  /** Moves the test's clock forward to a time (never back). */
  advanceTo(time: string | undefined): void {
    if (time !== undefined && Date.parse(time) > Date.parse(this.now)) this.now = time;
  }

  /** Runs a command that must be refused, and returns the rejection. */
  refused(command: EngineCommand): Rejection {
    const decision = decide(this.model, this.state, command, this.context());
    if (decision.ok) throw new Error(`${command.type} was accepted: ${types(decision.events).join(', ')}`);
    return decision.rejection;
  }

  /** The id of the open task at an element. */
  taskAt(elementId: string): string {
    const task = this.state.tasks.find((t) => t.elementId === elementId);
    if (!task) throw new Error(`no open task at ${elementId}; open: ${this.state.tasks.map((t) => t.elementId).join(', ')}`);
    return task.taskId;
  }

  /** The id of the open job at an element. */
  jobAt(elementId: string): string {
    const job = this.state.jobs.find((j) => j.elementId === elementId);
    if (!job) throw new Error(`no open job at ${elementId}`);
    return job.jobId;
  }

  /** The id of the scheduled timer of an element (with a purpose). */
  timerOf(elementId: string, purpose = 'timer'): string {
    const timer = this.state.timers.find((t) => t.elementId === elementId && t.purpose === purpose);
    if (!timer) throw new Error(`no ${purpose} timer of ${elementId}`);
    return timer.timerId;
  }

  /** Completes the open task at an element as a user. */
  completeTask(elementId: string, variables: Record<string, unknown> = {}, userId = 'wangli'): EngineEvent[] {
    return this.when({ type: 'CompleteTask', taskId: this.taskAt(elementId), userId, variables });
  }

  /** The variables set directly on a scope (the case itself by default). */
  variablesOf(scopeId = this.caseId): Record<string, unknown> {
    return this.state.variables.find((v) => v.scopeId === scopeId)?.values ?? {};
  }

  /** The scheduled timer with an id. */
  timer(timerId: string): TimerState {
    const timer = this.state.timers.find((t) => t.timerId === timerId);
    if (!timer) throw new Error(`no scheduled timer ${timerId}`);
    return timer;
  }

  /** The ids of the elements active now. */
  activeElements(): string[] {
    return this.state.instances.map((i) => i.elementId).sort();
  }
}

/** The types of events, in order: what the element specs assert. */
export function types(events: readonly EngineEvent[]): string[] {
  return events.map((e) => e.type);
}

/** Types with the element they concern (`ElementActivated:task`), for readable assertions. */
export function trace(events: readonly EngineEvent[]): string[] {
  return events.map((e) => {
    const data = e.data as { elementId?: string; flowId?: string };
    const subject = data.elementId ?? data.flowId;
    return subject ? `${e.type}:${subject}` : e.type;
  });
}
