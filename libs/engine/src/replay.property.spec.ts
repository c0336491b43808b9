import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createWorkingCalendar } from '@banjie/calendar';
import { compile } from './compile/compile';
import { decide, decideAndEvolve } from './decide';
import { fold } from './evolve';
import type { EngineCommand, EngineContext, EngineEvent } from './lib/api';
import type { ProcessModel } from './model/process-model';
import { initialCaseState, type CaseState } from './state/case-state';

const RUNS = 1_000;
const STEPS = 25;
const calendar = createWorkingCalendar();

/** Every `.bpmn` fixture of the engine, and the zones' flows under `bpmn/` when present. */
function modelFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.bpmn')) files.push(path);
    }
  };
  walk(__dirname);
  const zoneFlows = join(__dirname, '../../../bpmn');
  if (existsSync(zoneFlows)) for (const name of readdirSync(zoneFlows)) if (name.endsWith('.bpmn')) files.push(join(zoneFlows, name));
  return files.sort();
}

/** Variables that steer the fixtures' conditions, drawn at random for each walk. */
const variablesArbitrary = fc.record({
  applicationId: fc.constant('LF-2026-001'),
  materials: fc.integer({ min: 0, max: 12 }),
  needsFire: fc.boolean(),
  needsCivilDefence: fc.boolean(),
  fireOk: fc.boolean(),
  approved: fc.boolean(),
  materialsComplete: fc.boolean(),
  rejected: fc.boolean(),
  departments: fc.subarray(['d1', 'd2', 'd3']),
  items: fc.subarray(['i1', 'i2']),
  reviewer: fc.constantFrom('zhangqiang', 'lina'),
  leader: fc.constant('zhaojun'),
  dueDate: fc.constant('2026-03-10T17:00:00+08:00'),
  groups: fc.constant(['lf-leaders']),
  publicityEnds: fc.constant('2026-03-05T09:00:00+08:00'),
  company: fc.constant('TG-003'),
  area: fc.integer({ min: 1, max: 5000 }),
  industrial: fc.boolean(),
  standardLand: fc.boolean(),
  excluded: fc.constant([]),
  ending: fc.constantFrom('terminate', 'error', 'escalation', 'message'),
  permitNo: fc.constant('P-1'),
  project: fc.constant('p'),
  missing: fc.constant(['note']),
  opinion: fc.constantFrom('ok', 'refused'),
  matterProcess: fc.constantFrom('child-approval', 'not-deployed'),
  // the compensation fixtures: undo the bookings, book again, or compensate with nothing done
  undo: fc.boolean(),
  again: fc.boolean(),
  skip: fc.boolean(),
});

/** The commands a user, a worker, the scheduler or an admin could send to the case now. */
function possibleCommands(state: CaseState, variables: Record<string, unknown>, flip: boolean): EngineCommand[] {
  const commands: EngineCommand[] = [];
  for (const task of state.tasks) {
    commands.push({ type: 'CompleteTask', taskId: task.taskId, userId: task.assignee ?? 'wangli', variables: { approved: flip, rejected: !flip, opinion: 'ok', decision: 'd' } });
    commands.push({ type: 'ClaimTask', taskId: task.taskId, userId: 'lina' });
    commands.push({ type: 'AssignTask', taskId: task.taskId, userId: 'zhaojun', by: 'lf-leader' });
  }
  for (const job of state.jobs) {
    commands.push({ type: 'CompleteJob', jobId: job.jobId, variables: { done: true } });
    commands.push({ type: 'FailJob', jobId: job.jobId, message: 'worker down' });
    commands.push({ type: 'FailJob', jobId: job.jobId, message: 'retry later', retries: 2, retryBackOffMs: 1_000 });
    commands.push({ type: 'FailJob', jobId: job.jobId, message: 'gave up', retries: 0 });
    commands.push({ type: 'ActivateJob', jobId: job.jobId, worker: 'external', timeoutMs: 1 });
    commands.push({ type: 'UpdateJobRetries', jobId: job.jobId, retries: 4 });
    // a two-day lease, so the walk can update the timeout of a job a worker still holds
    commands.push({ type: 'ActivateJob', jobId: job.jobId, worker: 'slow-worker', timeoutMs: 172_800_000 });
    commands.push({ type: 'UpdateJob', jobId: job.jobId, retries: 3, timeoutMs: 172_800_000 });
    commands.push({ type: 'ThrowError', jobId: job.jobId, errorCode: flip ? 'DECLINED' : 'NOBODY_CATCHES', variables: { thrown: flip } });
  }
  for (const timer of state.timers) commands.push({ type: 'FireTimer', timerId: timer.timerId });
  for (const sub of state.messageSubscriptions) commands.push({ type: 'CorrelateMessage', name: sub.messageName, correlationKey: sub.correlationKey, variables: { supplied: flip } });
  for (const sub of state.signalSubscriptions) commands.push({ type: 'BroadcastSignal', name: sub.signalName });
  for (const incident of state.incidents) {
    commands.push({ type: 'SetVariables', variables });
    commands.push({ type: 'ResolveIncident', incidentId: incident.incidentId });
    if (incident.jobId) commands.push({ type: 'ResolveIncident', incidentId: incident.incidentId, jobRetries: 2 });
  }
  commands.push(state.clock.pausedAt ? { type: 'ResumeClock' } : { type: 'PauseClock', reason: '补正' });
  if (flip) commands.push({ type: 'CancelCase', reason: 'withdrawn' });
  return commands;
}

describe('replay', () => {
  let models: ProcessModel[] = [];
  const called: Record<string, { model: ProcessModel; version: number }> = {};

  beforeAll(async () => {
    for (const file of modelFiles()) {
      const result = await compile(readFileSync(file, 'utf8'));
      if (result.ok) models.push(result.model);
    }
    for (const model of models) {
      called[model.key] = { model, version: 1 };
      called[`${model.key}@1`] = called[model.key];
      called[`${model.key}@2`] = { model, version: 2 };
    }
    models = models.filter((m) => Object.values(m.elements).some((e) => e.kind === 'startEvent'));
  });

  it('folding the emitted events reproduces the live state, and every prefix folds to the state at that revision', () => {
    expect(models.length).toBeGreaterThanOrEqual(20);
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000 }),
        variablesArbitrary,
        fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.integer({ min: 0, max: 72 })), { maxLength: STEPS }),
        (modelIndex, variables, choices) => {
          // given
          const model = models[modelIndex % models.length];
          let ids = 0;
          let time = Date.parse('2026-02-09T01:00:00Z');
          const ctx = (): EngineContext => ({ now: new Date(time).toISOString(), newId: () => `id-${++ids}`, calendar, resolveModel: (key, version) => called[version === undefined ? key : `${key}@${version}`] });
          const start = model.messageStartEvents[0] && !model.scopes[model.key].noneStartEvents.length ? { messageName: model.messageStartEvents[0].messageName } : {};
          const history: EngineEvent[] = [];
          const revisions: { length: number; state: string }[] = [];
          let live = initialCaseState();
          const apply = (command: EngineCommand) => {
            const firstId = ids;
            const { decision, state } = decideAndEvolve(model, live, command, ctx());
            // the same command on the same state with the same clock and ids decides the same events
            const lastId = ids;
            ids = firstId;
            expect(decide(model, live, command, ctx())).toEqual(decision);
            ids = lastId;
            if (!decision.ok) return;
            history.push(...decision.events);
            for (const event of decision.events) seen.add(event.type);
            live = state;
            revisions.push({ length: history.length, state: JSON.stringify(live) });
          };

          // when
          apply({ type: 'StartCase', caseId: 'case-1', definitionKey: model.key, version: 1, zoneId: 'lf', businessKey: 'LF-1', variables, ...start });
          for (const [pick, flip, hours] of choices) {
            if (live.status !== 'active') break;
            time += hours * 3_600_000;
            const commands = possibleCommands(live, variables, flip);
            const command = commands[pick % commands.length];
            // the scheduler fires a timer only once it is due (an early FireTimer is refused)
            const due = command.type === 'FireTimer' ? live.timers.find((t) => t.timerId === command.timerId)?.dueAt : undefined;
            if (due !== undefined) time = Math.max(time, Date.parse(due));
            apply(command);
          }

          // then
          expect(fold(history)).toEqual(live);
          expect(JSON.parse(JSON.stringify(live))).toEqual(live);
          for (const revision of revisions) expect(JSON.stringify(fold(history.slice(0, revision.length)))).toBe(revision.state);
        },
      ),
      { numRuns: RUNS, seed: 20261128 },
    );
    // the walks reach the job protocol's events, so their appliers are replayed too
    // and compensation's: subscribed, triggered, completed, and deleted with a terminated sub-process
    expect([...seen]).toEqual(expect.arrayContaining(['CompensationSubscribed', 'CompensationTriggered', 'CompensationCompleted', 'CompensationDeleted']));
    expect([...seen]).toEqual(expect.arrayContaining(['JobActivated', 'JobTimedOut', 'JobRetrying', 'JobRetriesUpdated', 'JobTimeoutUpdated', 'JobErrorThrown', 'JobFailed']));
  }, 120_000);
});
