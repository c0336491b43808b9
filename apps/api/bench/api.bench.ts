/**
 * Api figures of issue 5: 50 concurrent HTTP clients completing the window-check tasks of a
 * Linfen flow against the built api on a durable SQLite store already holding BENCH_CASES
 * (default 100,000) cases; the store's single durable append rate in the same run; the
 * read-model rebuild speed; and the api's memory after the run.
 *
 * The flow is `bpmn/linfen-123-closure.bpmn` when it exists, else the api fixture flow
 * (`BENCH_BPMN_DIR` names another folder, `BENCH_FLOW` a file in it). The cases are started in
 * process by the api's own `CaseCommands` (the same decide, metadata and append as
 * `POST /api/cases`), thousands at a time, so the store's group commit writes them in big
 * transactions; the read models are then rebuilt by `main.js --rebuild-projections`, which is
 * the rebuild figure. `BENCH_API_NODE_ARGS` (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) is
 * passed to the api under load (and, through node:cluster, to its workers).
 *
 * With `BANJIE_WORKERS` > 1 the CPU and resident-memory figures sum the primary and every worker
 * process under it. After the api, two bare-route peers (`bare-nest-peer.ts`: the same route on
 * Nest over express and over fastify) take the same clients, alternating `BENCH_PEER_ROUNDS`
 * (default 2) times; their CPU per request apart, as a share of the api's CPU per completion, is
 * the most that moving the api onto fastify could save (issue 17).
 */
import type { BenchSuite } from '@banjie/bench';
import { type PeerAdapter, startBareNest } from './bare-nest-peer';
import { runScale, scaleRequested } from './scale-run';
import { LONG_STREAM_EVENTS, measureStreamRead } from './stream-read';
import { demoUsers } from '@banjie/api-auth';
import { ApiMetrics, CaseCommands, DefinitionRegistry, SystemClock, WorkingCalendars, WritePositions } from '@banjie/api-core';
import { openSqliteEventStore } from '@banjie/event-store';
import { appendFor, openRawInserter } from '@banjie/event-store/bench';
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');
/** The built api; `BENCH_API_MAIN` names another build (a copy under the workspace, so its packages resolve) for A/B runs of pinned builds. */
const MAIN = process.env['BENCH_API_MAIN'] ? resolve(WORKSPACE, process.env['BENCH_API_MAIN']) : join(WORKSPACE, 'dist/apps/api/main.js');
const LINFEN_FLOW = join(WORKSPACE, 'bpmn/linfen-123-closure.bpmn');
const FIXTURE_FLOW = join(WORKSPACE, 'libs/api/workflow/src/fixtures/bpmn/linfen-api-fixture.bpmn');
const CASES = Number(process.env['BENCH_CASES'] ?? 100_000);
const CONNECTIONS = 50;
const LOAD_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 15);
/** Cases started together: one group commit (one transaction, one fsync) each. */
const SEED_BATCH = 2_000;
const FIRST_TASK = 'Task_WindowCheck';
/** Variables that fit the fixture's window-check form (and take its happy path). */
const FIXTURE_VARIABLES = { applicantName: '晋南新材料', investment: 1200, complete: true, tier: '2' };
const APPEND_SLICES = 8;
const APPEND_SLICE_MS = 250;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  duration: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (options: Record<string, unknown>, done: (error: unknown, result: AutocannonResult) => void) => unknown;
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

interface Flow {
  file: string;
  bpmnDir: string;
  key: string;
  variables: Record<string, unknown>;
}

function chooseFlow(): Flow {
  const named = process.env['BENCH_BPMN_DIR'] && process.env['BENCH_FLOW'] ? join(process.env['BENCH_BPMN_DIR'], process.env['BENCH_FLOW']) : undefined;
  const file = named ?? (existsSync(LINFEN_FLOW) ? LINFEN_FLOW : FIXTURE_FLOW);
  const xml = readFileSync(file, 'utf8');
  const key = /<bpmn:process\s[^>]*\bid="([^"]+)"/.exec(xml)?.[1];
  if (!key) throw new Error(`${file} names no process`);
  const bpmnDir = resolve(file, '..');
  const variables = file === FIXTURE_FLOW ? FIXTURE_VARIABLES : windowCheckVariables(bpmnDir, xml);
  return { file, bpmnDir, key, variables: process.env['BENCH_VARIABLES'] ? (JSON.parse(process.env['BENCH_VARIABLES']) as Record<string, unknown>) : variables };
}

/** Values that fit the form of the first task: required text filled, numbers at their minimum, first choices, checkboxes ticked. */
function windowCheckVariables(bpmnDir: string, xml: string): Record<string, unknown> {
  const task = new RegExp(`<bpmn:userTask[^>]*id="${FIRST_TASK}"[\\s\\S]*?</bpmn:userTask>`).exec(xml)?.[0] ?? '';
  const formId = /formId="([^"]+)"/.exec(task)?.[1];
  const formsDir = join(bpmnDir, 'forms');
  if (!formId || !existsSync(formsDir)) return {};
  const schema = readdirSync(formsDir)
    .filter((f) => f.endsWith('.form'))
    .map((f) => JSON.parse(readFileSync(join(formsDir, f), 'utf8')) as { id?: string; components?: FormField[] })
    .find((form) => form.id === formId);
  const variables: Record<string, unknown> = {};
  const visit = (fields: FormField[]) => {
    for (const field of fields) {
      if (field.components) visit(field.components);
      if (!field.key) continue;
      if (field.type === 'number') variables[field.key] = field.validate?.min ?? 1;
      else if (field.type === 'checkbox') variables[field.key] = true;
      else if ((field.type === 'select' || field.type === 'radio') && field.values?.[0]) variables[field.key] = field.values[0].value;
      else if (field.type === 'checklist' && field.values?.[0]) variables[field.key] = [field.values[0].value];
      else if (field.type === 'textfield' || field.type === 'textarea') variables[field.key] = 'x'.repeat(Math.max(1, field.validate?.minLength ?? 1));
    }
  };
  visit(schema?.components ?? []);
  return variables;
}
interface FormField {
  key?: string;
  type?: string;
  validate?: { min?: number; minLength?: number };
  values?: { value: unknown }[];
  components?: FormField[];
}

/**
 * Starts `cases` cases of the flow straight into the store through the api's own `CaseCommands`
 * (as `POST /api/cases` by lf-applicant would), `SEED_BATCH` at a time.
 */
async function seedCases(dataDir: string, flow: Flow, cases: number): Promise<void> {
  const store = openSqliteEventStore({ path: join(dataDir, 'events.sqlite') });
  try {
    const clock = new SystemClock();
    const writePositions = new WritePositions();
    const definitions = new DefinitionRegistry(store, clock, writePositions);
    const commands = new CaseCommands(store, clock, definitions, new WorkingCalendars(), writePositions, new ApiMetrics());
    const definition = await definitions.find('lf', flow.key);
    if (!definition) throw new Error(`The api did not deploy ${flow.key} from ${flow.file}`);
    const actor = demoUsers().find((user) => user.id === 'lf-applicant')!;
    const startOne = async (i: number) => {
      const caseId = randomUUID();
      await commands.start({
        caseId,
        actor,
        correlationId: randomUUID(),
        command: { type: 'StartCase', caseId, definitionKey: definition.key, version: definition.version, zoneId: definition.zoneId, businessKey: `LF-BENCH-${i}` },
      });
    };
    for (let next = 0; next < cases; next += SEED_BATCH) {
      await Promise.all(Array.from({ length: Math.min(SEED_BATCH, cases - next) }, (_, k) => startOne(next + k)));
    }
  } finally {
    await store.close();
  }
}

/**
 * Durable single appends through the store (one caller, its own file on the same disk), in
 * slices alternating with raw better-sqlite3 single-row transactions, as the event-store bench does.
 */
async function appendRates(dataDir: string): Promise<{ storeSingle: number; rawSingle: number }> {
  const probeDir = mkdtempSync(join(dataDir, 'append-probe-'));
  const store = openSqliteEventStore({ path: join(probeDir, 'store.sqlite') });
  const raw = openRawInserter(join(probeDir, 'raw.sqlite'));
  let single = 0;
  let rawCount = 0;
  try {
    for (let slice = 0; slice < APPEND_SLICES; slice++) {
      rawCount += raw.insertFor(APPEND_SLICE_MS);
      single += await appendFor(store, 1, APPEND_SLICE_MS, `case-probe-${slice}`);
    }
  } finally {
    raw.close();
    await store.close();
    rmSync(probeDir, { recursive: true, force: true });
  }
  const seconds = (APPEND_SLICES * APPEND_SLICE_MS) / 1000;
  return { storeSingle: single / seconds, rawSingle: rawCount / seconds };
}

/** The node flags `npm start` runs the api with (package.json's start script), so the bench measures the same process. */
function startNodeFlags(): string[] {
  const start = (JSON.parse(readFileSync(join(WORKSPACE, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start'] ?? '';
  return /\bnode((?:\s+--\S+)*)\s+dist\/apps\/api\/main\.js/.exec(start)?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
}

function startApi(env: Record<string, string>, nodeArgs: string[] = []): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...startNodeFlags(), ...nodeArgs, MAIN], { cwd: WORKSPACE, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let started = false;
  return new Promise((done, fail) => {
    const onData = (chunk: Buffer) => {
      if (started) {
        if (/"level":(50|60)/.test(chunk.toString())) process.stderr.write(chunk);
        return;
      }
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        started = true;
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        done({ url: match[1]!, pid: child.pid!, stop: () => (child.kill('SIGTERM'), exited) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`api exited with ${code}:\n${output}`)));
  });
}

/** `/proc/<pid>/stat` fields after the command name (field 3, the state, is index 0), or undefined once the process is gone. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * The process and every process under it (the workers of `BANJIE_WORKERS` > 1 are the primary's
 * children), by the parent pids in /proc: this kernel has no `/proc/<pid>/task/<tid>/children`.
 */
function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(statFields(Number(entry))?.[1]);
    if (Number.isFinite(ppid)) parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

/** CPU seconds (user + system) the process and all its descendants have used so far, from /proc (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const member of processTree(pid)) {
    const fields = statFields(member);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

/** Resident memory of the process and all its descendants, MiB. */
function residentMiB(pid: number): number {
  let kib = 0;
  for (const member of processTree(pid)) {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${member}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return kib / 1024;
}

/** The api's used V8 heap, from its Prometheus metrics. */
async function heapUsedMiB(url: string): Promise<number> {
  const text = await (await fetch(`${url}/api/metrics`)).text();
  return Number(/^nodejs_heap_size_used_bytes (\S+)/m.exec(text)?.[1] ?? 0) / 2 ** 20;
}

function openTasks(dataDir: string, limit: number): string[] {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  const rows = db.prepare("SELECT id FROM tasks WHERE status = 'open' AND element_id = ? LIMIT ?").all(FIRST_TASK, limit) as { id: string }[];
  db.close();
  return rows.map((r) => r.id);
}

/** 50 connections for LOAD_SECONDS, each request completing the next task of the list (each task once). */
function load(url: string, token: string, taskIds: string[], variables: Record<string, unknown>): Promise<AutocannonResult> {
  let next = 0;
  const body = JSON.stringify({ variables });
  return new Promise((done, fail) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: LOAD_SECONDS,
        maxOverallRequests: taskIds.length,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body,
            setupRequest: (request: Record<string, unknown>) => ({ ...request, path: `/api/tasks/${taskIds[next++ % taskIds.length]}/complete` }),
          },
        ],
      },
      (error, result) => (error ? fail(error) : done(result)),
    );
  });
}

interface PeerFigures {
  requestsPerSecond: number;
  p99: number;
  cpuMsPerRequest: number;
}

/** Rounds of bare-route peer loads (`BENCH_PEER_ROUNDS`, default 2), express then fastify in each round; the mean of each. */
async function loadPeers(token: string, taskIds: string[], variables: Record<string, unknown>): Promise<Record<PeerAdapter, PeerFigures>> {
  const rounds = Number(process.env['BENCH_PEER_ROUNDS'] ?? 2);
  const runs: Record<PeerAdapter, PeerFigures[]> = { express: [], fastify: [] };
  for (let round = 0; round < rounds; round++) {
    for (const adapter of ['express', 'fastify'] as const) {
      const peer = await startBareNest(adapter);
      try {
        const cpuBefore = cpuSeconds(peer.pid);
        const result = await load(peer.url, token, taskIds, variables);
        const cpuUsed = cpuSeconds(peer.pid) - cpuBefore;
        const figures = { requestsPerSecond: result.requests.total / Math.max(result.duration, 1e-3), p99: result.latency.p99, cpuMsPerRequest: (cpuUsed * 1000) / Math.max(result.requests.total, 1) };
        log(`peer ${adapter}: ${Math.round(figures.requestsPerSecond)} requests/s, p99 ${figures.p99} ms, ${figures.cpuMsPerRequest.toFixed(3)} ms CPU per request`);
        runs[adapter].push(figures);
      } finally {
        await peer.stop();
      }
    }
  }
  const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / Math.max(values.length, 1);
  const of = (list: PeerFigures[]): PeerFigures => ({ requestsPerSecond: mean(list.map((f) => f.requestsPerSecond)), p99: mean(list.map((f) => f.p99)), cpuMsPerRequest: mean(list.map((f) => f.cpuMsPerRequest)) });
  return { express: of(runs.express), fastify: of(runs.fastify) };
}

function log(line: string): void {
  process.stdout.write(`  ${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

const suite: BenchSuite = {
  suite: 'api',
  async run() {
    if (!existsSync(MAIN)) execFileSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static'], { cwd: WORKSPACE, stdio: 'inherit' });
    const flow = chooseFlow();
    // `npm run bench -- api --scale`: the completion run over a small and a large store instead (scale-run.ts)
    if (scaleRequested()) return runScale({ flow, startApi, load, openTasks, residentMiB, log });
    log(`flow ${flow.key} (${flow.file.slice(WORKSPACE.length + 1)}), ${CASES.toLocaleString('en-US')} cases`);
    // BENCH_DATA_DIR (for working on the api, not for the figures of record) keeps the seeded
    // store and reuses it in later runs: seeding is skipped, the rebuild and the load run again.
    const kept = process.env['BENCH_DATA_DIR'];
    const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'banjie-api-bench-'));
    const seededMark = join(dataDir, `seeded-${flow.key}-${CASES}`);
    try {
      const env = { BANJIE_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', BANJIE_BPMN_DIR: flow.bpmnDir, BANJIE_SEED_DEMO_CASES: 'false' };
      let started = performance.now();
      if (existsSync(seededMark)) {
        log(`reusing the store seeded in ${dataDir}`);
      } else {
        // A first start seeds the users and deploys the flow through the api's own path.
        await (await startApi(env)).stop();
        started = performance.now();
        await seedCases(dataDir, flow, CASES);
        if (kept) writeFileSync(seededMark, '');
        log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
      const rates = await appendRates(dataDir);
      const streamRead = await measureStreamRead(mkdtempSync(join(dataDir, 'stream-read-')));
      log(`readStream of ${LONG_STREAM_EVENTS.toLocaleString('en-US')} events: store ${streamRead.storeMs.toFixed(1)} ms, raw better-sqlite3 + JSON.parse ${streamRead.rawMs.toFixed(1)} ms`);

      started = performance.now();
      const rebuildOutput = execFileSync(process.execPath, [MAIN, '--rebuild-projections'], { cwd: WORKSPACE, env: { ...process.env, ...env }, encoding: 'utf8' });
      const rebuilt = /rebuilt from (\d+) events in ([\d.]+) s/.exec(rebuildOutput);
      const rebuildEventsPerSecond = rebuilt ? Number(rebuilt[1]) / Number(rebuilt[2]) : 0;
      log(`read models rebuilt from ${rebuilt?.[1]} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);

      const nodeArgs = process.env['BENCH_API_NODE_ARGS']?.split(/\s+/).filter(Boolean) ?? [];
      const api = await startApi(env, nodeArgs);
      try {
        const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lf-clerk', password: 'banjie' }) });
        const { accessToken } = (await login.json()) as { accessToken: string };
        const taskIds = openTasks(dataDir, CASES);
        log(`${taskIds.length.toLocaleString('en-US')} open ${FIRST_TASK} tasks; ${CONNECTIONS} clients for ${LOAD_SECONDS} s`);
        const cpuBefore = cpuSeconds(api.pid);
        const result = await load(api.url, accessToken, taskIds, flow.variables);
        const cpuUsed = cpuSeconds(api.pid) - cpuBefore;
        if (result.non2xx + result.errors > 0) log(`failed completions by status: ${JSON.stringify(result.statusCodeStats ?? {})}, errors ${result.errors}`);
        const completions = result.requests.total - result.non2xx - result.errors;
        const completionsPerSecond = completions / Math.max(result.duration, 1e-3);
        // With BANJIE_WORKERS > 1: the primary and all its workers, CPU and memory summed.
        const cpuMsPerCompletion = (cpuUsed * 1000) / Math.max(completions, 1);
        const memory = residentMiB(api.pid);
        const heap = await heapUsedMiB(api.url);
        await api.stop();
        // The bare-route peers, express (what the api runs on) and fastify, alternating under the same clients.
        const peers = await loadPeers(accessToken, taskIds, flow.variables);
        const express = peers.express;
        const fastify = peers.fastify;
        const bareRequestsPerSecond = express.requestsPerSecond;
        return {
          metrics: [
            { name: 'cases in the store before the run', value: CASES, unit: 'cases' },
            { name: `task completions over HTTP (${CONNECTIONS} clients)`, value: Math.round(completionsPerSecond), unit: 'completions/s' },
            // Less sensitive than completions/s to what else the machine runs: the api's own CPU time.
            { name: 'api CPU time per completion', value: Number(cpuMsPerCompletion.toFixed(2)), unit: 'ms' },
            { name: 'completion latency p50', value: result.latency.p50, unit: 'ms' },
            { name: 'completion latency p99', value: result.latency.p99, unit: 'ms' },
            { name: 'failed completions', value: result.non2xx + result.errors, unit: 'requests' },
            { name: 'peer: bare NestJS route, same requests and clients', value: Math.round(bareRequestsPerSecond), unit: 'requests/s' },
            { name: 'peer: bare NestJS route latency p99', value: express.p99, unit: 'ms' },
            { name: 'peer: bare NestJS route CPU per request', value: Number(express.cpuMsPerRequest.toFixed(3)), unit: 'ms' },
            { name: 'peer: bare NestJS route on fastify, same requests and clients', value: Math.round(fastify.requestsPerSecond), unit: 'requests/s' },
            { name: 'peer: bare NestJS route on fastify latency p99', value: fastify.p99, unit: 'ms' },
            { name: 'peer: bare NestJS route on fastify CPU per request', value: Number(fastify.cpuMsPerRequest.toFixed(3)), unit: 'ms' },
            // What fastify could save a completion at most: the bare routes' CPU per request apart, as a share of the api's.
            { name: 'fastify ceiling: express − fastify CPU per request ÷ api CPU per completion', value: Number(((100 * (express.cpuMsPerRequest - fastify.cpuMsPerRequest)) / Math.max(cpuMsPerCompletion, 1e-6)).toFixed(1)), unit: '%' },
            { name: 'completions/s as a share of the bare route', value: Number(((100 * completionsPerSecond) / bareRequestsPerSecond).toFixed(1)), unit: '%' },
            { name: 'store durable single appends (1 caller)', value: Math.round(rates.storeSingle), unit: 'appends/s' },
            { name: 'raw better-sqlite3 durable single inserts', value: Math.round(rates.rawSingle), unit: 'inserts/s' },
            { name: 'read-model rebuild', value: Math.round(rebuildEventsPerSecond), unit: 'events/s' },
            { name: `readStream of a ${LONG_STREAM_EVENTS.toLocaleString('en-US')}-event stream through the store`, value: Number(streamRead.storeMs.toFixed(1)), unit: 'ms' },
            { name: `raw better-sqlite3 read + JSON.parse of the same ${LONG_STREAM_EVENTS.toLocaleString('en-US')} rows`, value: Number(streamRead.rawMs.toFixed(1)), unit: 'ms' },
            { name: 'api resident memory after the run', value: Math.round(memory), unit: 'MiB' },
            { name: 'api used heap after the run', value: Math.round(heap), unit: 'MiB' },
          ],
          ratios: [
            { name: 'completions/s ÷ store single appends/s', value: completionsPerSecond / rates.storeSingle, target: 0.25 },
            { name: 'completions/s ÷ 1,500 target', value: completionsPerSecond / 1500, target: 1 },
            { name: '50 ms ÷ p99 latency', value: 50 / Math.max(result.latency.p99, 1e-3), target: 1 },
            { name: 'rebuild events/s ÷ 50,000 target', value: rebuildEventsPerSecond / 50_000, target: 1 },
            // the ratio passes at ≥ target: 1.5 × raw ÷ store ≥ 1 means the store takes at most 1.5× raw
            { name: 'stream read: 1.5 × raw ms ÷ store ms', value: (1.5 * streamRead.rawMs) / Math.max(streamRead.storeMs, 1e-3), target: 1 },
          ],
        };
      } finally {
        await api.stop();
      }
    } finally {
      if (!kept) rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
