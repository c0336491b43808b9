/**
 * Engine figures of issue 4 (item 7): the reference approval (`reference-approval.bpmn`: accept →
 * three parallel department reviews → "approved?" → issue permit under a 10-day boundary timer)
 * run to completion again and again by Banjie's engine and by `bpmn-engine` in this one process,
 * the state one waiting case costs, folding a 10,000-event case, and the working-day calendar.
 *
 * Banjie's engine compiles the model once and runs each case as `decideAndEvolve` calls with a
 * fixed clock and counter ids, as the api does (minus the store). bpmn-engine gets its parsed and
 * serialized model once as `sourceContext`, so neither side re-parses XML per case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BpmnModdle } from 'bpmn-moddle';
import * as bpmnElements from 'bpmn-elements';
import { Engine } from 'bpmn-engine';
import serializeContext, { TypeResolver } from 'moddle-context-serializer';
import type { BenchSuite } from '@banjie/bench';
import { createWorkingCalendar } from '@banjie/calendar';
import { type CaseState, compile, decideAndEvolve, type EngineCommand, type EngineContext, type EngineEvent, fold, initialCaseState, type ProcessModel } from '../src';

const XML = readFileSync(join(__dirname, 'reference-approval.bpmn'), 'utf8');
/** The FEEL condition of `f-approved`, and the `${…}` expression bpmn-engine evaluates in its place. */
const FEEL_CONDITION = '=approved = true';
const BPMN_ENGINE_CONDITION = '${environment.variables.approved}';

const TIME_BOX_MS = 4_000;
const WAITING_CASES = 5_000;
const LONG_CASE_EVENTS = 10_000;
const CALENDAR_CALLS = 20_000;
const REVIEWS = ['planning-review', 'housing-review', 'fire-review'];

// ── Banjie's engine ─────────────────────────────────────────────────────────────────────────

const calendar = createWorkingCalendar();
let idCounter = 0;
const ctx: EngineContext = { now: '2026-03-02T09:00:00+08:00', newId: () => `id-${++idCounter}`, calendar };

/** One case of the reference approval, command by command, as the api would run it. */
class BanjieCase {
  state: CaseState = initialCaseState();
  readonly events: EngineEvent[] = [];

  constructor(
    private readonly model: ProcessModel,
    private readonly keepEvents = false,
  ) {}

  run(command: EngineCommand): void {
    const { decision, state } = decideAndEvolve(this.model, this.state, command, ctx);
    if (!decision.ok) throw new Error(`${command.type} was refused: ${decision.rejection.message}`);
    if (this.keepEvents) for (const event of decision.events) this.events.push(event);
    this.state = state;
  }

  taskAt(elementId: string): string {
    const task = this.state.tasks.find((t) => t.elementId === elementId);
    if (!task) throw new Error(`no open task at ${elementId}`);
    return task.taskId;
  }

  complete(elementId: string): void {
    this.run({ type: 'CompleteTask', taskId: this.taskAt(elementId), userId: 'clerk-07' });
  }

  /** Started and accepted: waiting at the three parallel reviews (the widest waiting state). */
  startAndAccept(caseId: string): void {
    this.run({ type: 'StartCase', caseId, definitionKey: this.model.key, version: 1, zoneId: 'sip', businessKey: caseId, variables: { approved: true, applicant: '苏州工业园区某科技有限公司' } });
    this.complete('accept');
  }

  finish(): void {
    for (const review of REVIEWS) this.complete(review);
    this.complete('issue-permit');
    if (this.state.status !== 'completed' || !this.state.completed['permit-issued']) throw new Error(`the case did not end at permit-issued (${this.state.status})`);
  }
}

function runBanjieCases(model: ProcessModel, durationMs: number): number {
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    const run = new BanjieCase(model);
    run.startAndAccept(`case-${count}`);
    run.finish();
    count++;
  }
  return count;
}

// ── bpmn-engine ─────────────────────────────────────────────────────────────────────────────

async function bpmnEngineSourceContext(): Promise<unknown> {
  if (!XML.includes(FEEL_CONDITION)) throw new Error(`reference-approval.bpmn no longer holds the condition ${FEEL_CONDITION}`);
  const moddleContext = await BpmnModdle().fromXML(XML.replace(FEEL_CONDITION, BPMN_ENGINE_CONDITION), 'bpmn:Definitions');
  return serializeContext(moddleContext as never, TypeResolver(bpmnElements as never));
}

const ignore = (): void => undefined;
const silentLogger = () => ({ debug: ignore, error: ignore, warn: ignore });

/** Runs one case to its end in bpmn-engine; resolves with the engine, stopped at `stopAt` when given. */
async function runBpmnEngineCase(sourceContext: unknown, stopAt?: 'reviews'): Promise<Engine> {
  // No-op logger: Banjie's engine logs nothing either, and `debug`'s default logger is not free.
  const engine = new Engine({ name: 'reference-approval', sourceContext, Logger: silentLogger } as never);
  const ended = new Promise<void>((resolve, reject) => {
    engine.once('end', () => resolve());
    engine.once('error', reject);
  });
  const execution = await engine.execute({ variables: { approved: true, applicant: '苏州工业园区某科技有限公司' } });
  const signal = (id: string) => execution.signal({ id });
  signal('accept');
  if (stopAt === 'reviews') return engine;
  for (const review of REVIEWS) signal(review);
  signal('issue-permit');
  await ended;
  const permitIssued = execution.getActivityById<{ counters: { taken: number } } | undefined>('permit-issued');
  if (!permitIssued?.counters.taken) throw new Error('bpmn-engine did not end at permit-issued');
  return engine;
}

async function runBpmnEngineCases(sourceContext: unknown, durationMs: number): Promise<number> {
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < durationMs) {
    await runBpmnEngineCase(sourceContext);
    count++;
  }
  return count;
}

// ── state, fold, calendar ───────────────────────────────────────────────────────────────────

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/** A forced full GC: the suite process is forked without `--expose-gc`, so it is switched on here. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap bytes held per waiting case, K cases at the parallel reviews kept alive at once. */
function heapBytesPerWaitingCase(model: ProcessModel): number {
  const gc = collectGarbage();
  gc();
  const before = process.memoryUsage().heapUsed;
  const cases: CaseState[] = [];
  for (let index = 0; index < WAITING_CASES; index++) {
    const run = new BanjieCase(model);
    run.startAndAccept(`waiting-${index}`);
    cases.push(run.state);
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  if (cases.length !== WAITING_CASES) throw new Error('lost cases');
  return (after - before) / WAITING_CASES;
}

/**
 * A long-lived case of `LONG_CASE_EVENTS` events: the reference approval whose reviews are
 * claimed, unclaimed and annotated (VariablesSet) over and over before it completes.
 */
function longCaseEvents(model: ProcessModel): EngineEvent[] {
  const run = new BanjieCase(model, true);
  run.startAndAccept('case-long');
  for (let round = 0; run.events.length < LONG_CASE_EVENTS; round++) {
    const taskId = run.taskAt(REVIEWS[round % REVIEWS.length]);
    run.run({ type: 'ClaimTask', taskId, userId: 'clerk-07' });
    run.run({ type: 'SetVariables', variables: { [`note${round % 50}`]: `round ${round}`, reviewRound: round } });
    run.run({ type: 'UnclaimTask', taskId, userId: 'clerk-07' });
  }
  // A prefix of a case's events is a valid case: fold exactly LONG_CASE_EVENTS of them.
  return run.events.slice(0, LONG_CASE_EVENTS);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeMs(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** µs per `addWorkingDays`, over receipt instants spread across 2025–2027 and limits of 1–60 days. */
function calendarMicrosPerCall(): number {
  const cal = createWorkingCalendar();
  const base = Date.UTC(2025, 0, 1);
  const inputs = Array.from({ length: 1_000 }, (_, index) => {
    const day = new Date(base + ((index * 7919) % 1000) * 86_400_000).toISOString().slice(0, 10);
    return { from: `${day}T10:30:00+08:00`, n: 1 + ((index * 31) % 60) };
  });
  let sink = 0;
  for (const { from, n } of inputs) sink += cal.addWorkingDays(from, n).length; // warm-up
  const started = performance.now();
  for (let call = 0; call < CALENDAR_CALLS; call++) {
    const { from, n } = inputs[call % inputs.length];
    sink += cal.addWorkingDays(from, n).length;
  }
  const micros = ((performance.now() - started) * 1000) / CALENDAR_CALLS;
  if (sink === 0) throw new Error('unreachable');
  return micros;
}

const engineBench: BenchSuite = {
  suite: 'engine',
  async run() {
    const compiled = await compile(XML);
    if (!compiled.ok) throw new Error(`reference-approval.bpmn does not compile: ${JSON.stringify(compiled.problems)}`);
    const model = compiled.model;
    const sourceContext = await bpmnEngineSourceContext();

    // Warm both up, then alternate time-boxed halves so drift on the shared machine hits both.
    runBanjieCases(model, 500);
    await runBpmnEngineCases(sourceContext, 500);
    let banjieCount = 0;
    let bpmnEngineCount = 0;
    for (let half = 0; half < 2; half++) {
      banjieCount += runBanjieCases(model, TIME_BOX_MS / 2);
      bpmnEngineCount += await runBpmnEngineCases(sourceContext, TIME_BOX_MS / 2);
    }
    const banjieRate = banjieCount / (TIME_BOX_MS / 1000);
    const bpmnEngineRate = bpmnEngineCount / (TIME_BOX_MS / 1000);

    // One case waiting at the three parallel reviews, in each engine's own serialized form.
    const waiting = new BanjieCase(model);
    waiting.startAndAccept('case-waiting');
    const banjieStateBytes = jsonBytes(waiting.state);
    const waitingEngine = await runBpmnEngineCase(sourceContext, 'reviews');
    const bpmnEngineStateBytes = jsonBytes(await waitingEngine.getState());
    await waitingEngine.stop();
    const heapPerCase = heapBytesPerWaitingCase(model);

    const events = longCaseEvents(model);
    fold(events); // warm-up
    const foldMs = median([0, 1, 2, 3, 4].map(() => timeMs(() => fold(events))));

    const calendarMicros = calendarMicrosPerCall();

    return {
      metrics: [
        { name: 'reference approval to completion, Banjie engine', value: Math.round(banjieRate), unit: 'instances/s' },
        { name: 'reference approval to completion, bpmn-engine 25', value: Math.round(bpmnEngineRate), unit: 'instances/s' },
        { name: 'state of a case waiting at 3 reviews, Banjie (JSON)', value: banjieStateBytes, unit: 'bytes' },
        { name: 'state of a case waiting at 3 reviews, bpmn-engine getState() (JSON)', value: bpmnEngineStateBytes, unit: 'bytes' },
        { name: `heap per waiting case, Banjie (${WAITING_CASES.toLocaleString('en-US')} CaseStates held, after gc)`, value: Math.round(heapPerCase), unit: 'bytes' },
        { name: `fold a ${events.length.toLocaleString('en-US')}-event case`, value: round(foldMs, 1), unit: 'ms' },
        { name: 'calendar addWorkingDays (1–60 days, 2025–2027)', value: round(calendarMicros, 3), unit: 'µs/call' },
      ],
      ratios: [{ name: 'Banjie / bpmn-engine instances/s', value: round(banjieRate / bpmnEngineRate), target: 50 }],
    };
  },
};

export default engineBench;
