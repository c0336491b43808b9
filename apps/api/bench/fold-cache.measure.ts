/**
 * What the cache of folded cases (`CaseCommands`, issue 17) saves a case worked step after step:
 * CPU per command of completing the next task of a case that already holds about 10, 100 or
 * 1,000 events, through the api's own `CaseCommands` over a real SQLite store (durable appends,
 * group commit), with the cache on and with `BANJIE_FOLD_CACHE=0`. Each setting runs in a child
 * process of its own (the knob is read once, when the api's code loads), alternating, `ROUNDS`
 * times; the figures are the medians. The `api` bench completes each case once, so the cache
 * never hits there. A measurement for docs/benchmarks.md, not a test:
 * `npx tsx --tsconfig tools/bench/tsconfig.run.json apps/api/bench/fold-cache.measure.ts`.
 */
import 'reflect-metadata';
import { ApiMetrics, CaseCommands, DefinitionRegistry, SystemClock, WorkingCalendars, WritePositions } from '@banjie/api-core';
import { openSqliteEventStore } from '@banjie/event-store';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROUNDS = Number(process.env['MEASURE_ROUNDS'] ?? 3);
/** Case sizes (events before the measured command) and how many cases of each are measured. */
const SIZES = [
  { events: 10, cases: 100 },
  { events: 100, cases: 50 },
  { events: 1_000, cases: 20 },
] as const;

/** A review that goes round until `again` is false: each completion is one more step of the same case. */
const LOOP = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="t">
  <bpmn:process id="fold-cache-loop" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="Task_Review" />
    <bpmn:userTask id="Task_Review" name="审查 Review">
      <bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="window" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_Review" targetRef="Gateway_Again" />
    <bpmn:exclusiveGateway id="Gateway_Again" default="f4" />
    <bpmn:sequenceFlow id="f3" sourceRef="Gateway_Again" targetRef="Task_Review"><bpmn:conditionExpression>=again = true</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f4" sourceRef="Gateway_Again" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

type SizeFigures = { eventsBefore: number; cpuMsPerCommand: number };
type ChildFigures = Record<string, SizeFigures>;
const NONE: SizeFigures = { eventsBefore: 0, cpuMsPerCommand: Number.NaN };
const at = (figures: ChildFigures | undefined, events: number): SizeFigures => figures?.[events] ?? NONE;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** One setting, in this process: build the cases, then complete the next task of each once, CPU timed. */
async function measureHere(): Promise<ChildFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'banjie-fold-cache-'));
  const store = openSqliteEventStore({ path: join(dir, 'events.sqlite') });
  try {
    const clock = new SystemClock();
    const writePositions = new WritePositions();
    const definitions = new DefinitionRegistry(store, clock, writePositions);
    await definitions.deploy(LOOP, {}, 'lf');
    const commands = new CaseCommands(store, clock, definitions, new WorkingCalendars(), writePositions, new ApiMetrics());
    const openTaskOf = (view: { tasks: { id: string }[] }): string => {
      const task = view.tasks[0];
      if (!task) throw new Error('the review loop has no open task');
      return task.id;
    };
    const completeNext = async (caseId: string, openTask: string) => {
      const outcome = await commands.execute({ caseId, command: { type: 'CompleteTask', taskId: openTask, userId: 'lf-clerk', variables: { again: true } } });
      return { task: openTaskOf(outcome.view), revision: outcome.view.revision };
    };
    const figures: ChildFigures = {};
    const warm = new Set<number>();
    // a first pass of every size warms the code up; its figures are dropped
    for (const size of [...SIZES, ...SIZES]) {
      // the cases, each worked until it holds at least `size.events` events
      const cases: { caseId: string; task: string; revision: number }[] = [];
      for (let i = 0; i < size.cases; i++) {
        const caseId = `case-${size.events}-${i}-${Object.keys(figures).length}-${warm.size}`;
        const started = await commands.start({ caseId, command: { type: 'StartCase', caseId, definitionKey: 'fold-cache-loop', version: 1, zoneId: 'lf', businessKey: caseId } });
        let step = { task: openTaskOf(started.view), revision: started.view.revision };
        while (step.revision + 1 < size.events) step = await completeNext(caseId, step.task);
        cases.push({ caseId, ...step });
      }
      const start = process.cpuUsage();
      for (const { caseId, task } of cases) await completeNext(caseId, task);
      const used = process.cpuUsage(start);
      if (!warm.has(size.events)) {
        warm.add(size.events);
        continue;
      }
      figures[size.events] = { eventsBefore: Math.round(cases.reduce((sum, c) => sum + c.revision + 1, 0) / cases.length), cpuMsPerCommand: (used.user + used.system) / 1000 / cases.length };
    }
    return figures;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function runChild(cache: boolean): ChildFigures {
  const output = execFileSync(process.execPath, [...process.execArgv, __filename, '--child'], { env: { ...process.env, BANJIE_FOLD_CACHE: cache ? '1' : '0' }, encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as ChildFigures;
}

async function main(): Promise<void> {
  if (process.argv.includes('--child')) {
    process.stdout.write(`${JSON.stringify(await measureHere())}\n`);
    return;
  }
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const runs: Record<'on' | 'off', ChildFigures[]> = { on: [], off: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const setting of round % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      const figures = runChild(setting === 'on');
      runs[setting].push(figures);
      console.log(`round ${round + 1}, cache ${setting}: ${SIZES.map((s) => `${at(figures, s.events).eventsBefore} events ${at(figures, s.events).cpuMsPerCommand.toFixed(2)} ms`).join(' · ')}`);
    }
  }
  console.log('\nCPU per completion of the next task of the same case (median of the rounds):');
  for (const size of SIZES) {
    const on = median(runs.on.map((f) => at(f, size.events).cpuMsPerCommand));
    const off = median(runs.off.map((f) => at(f, size.events).cpuMsPerCommand));
    console.log(`  ~${at(runs.on[0], size.events).eventsBefore} events: cache on ${on.toFixed(2)} ms, BANJIE_FOLD_CACHE=0 ${off.toFixed(2)} ms (${(off / on).toFixed(2)}×)`);
  }
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

void main();
