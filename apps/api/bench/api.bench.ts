/**
 * Api figures of issue 5: 50 concurrent HTTP clients completing the window-check tasks of the
 * Linfen fixture flow against the built api on a durable SQLite store already holding
 * BENCH_CASES (default 100,000) cases; the store's raw single-append rate in the same run; the
 * read-model rebuild speed; and the api's memory after the run.
 */
import type { BenchSuite } from '@banjie/bench';
import { createWorkingCalendar } from '@banjie/calendar';
import { compile, decide, initialCaseState } from '@banjie/engine';
import { openSqliteEventStore, type EventStore } from '@banjie/event-store';
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');
const MAIN = join(WORKSPACE, 'dist/apps/api/main.js');
const FIXTURES = join(WORKSPACE, 'libs/api/workflow/src/fixtures/bpmn');
const CASES = Number(process.env['BENCH_CASES'] ?? 100_000);
const CONNECTIONS = 50;
const LOAD_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 15);
const SEED_CONCURRENCY = 256;
const FORM_VARIABLES = { applicantName: '晋南新材料', investment: 1200, complete: true, tier: '2' };

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  duration: number;
}
type Autocannon = (options: Record<string, unknown>, done: (error: unknown, result: AutocannonResult) => void) => unknown;
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

/** Sequential single-event durable appends for `ms`: the store's raw rate. */
async function singleAppendRate(store: EventStore, ms: number): Promise<number> {
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < ms) {
    await store.append(`bench-raw-${randomUUID()}`, [{ type: 'BenchProbe', data: { i: count } }], { expected: 'no_stream' });
    count++;
  }
  return count / ((performance.now() - started) / 1000);
}

/** Starts `cases` cases of the fixture flow (deployed by the api) straight into the store, as the api would. */
async function seedCases(store: EventStore, cases: number): Promise<void> {
  const xml = readFileSync(join(FIXTURES, 'linfen-api-fixture.bpmn'), 'utf8');
  const forms = { 'window-check': JSON.parse(readFileSync(join(FIXTURES, 'forms/window-check.form'), 'utf8')) as unknown };
  const compiled = await compile(xml, { forms });
  if (!compiled.ok) throw new Error(`fixture does not compile: ${JSON.stringify(compiled.problems)}`);
  const model = compiled.model;
  const calendar = createWorkingCalendar({ zoneId: 'lf' });
  const startOne = async (i: number) => {
    const caseId = randomUUID();
    const decision = decide(model, initialCaseState(), { type: 'StartCase', caseId, definitionKey: model.key, version: 1, zoneId: 'lf', businessKey: `LF-BENCH-${i}` }, { now: new Date().toISOString(), newId: randomUUID, calendar });
    if (!decision.ok) throw new Error(decision.rejection.message);
    const metadata = { zoneId: 'lf', actor: { id: 'lf-applicant', roles: ['applicant'], zoneId: 'lf' }, definitionKey: model.key, definitionVersion: 1 };
    await store.append(`case-${caseId}`, decision.events.map((e) => ({ type: e.type, data: e.data, metadata: { ...metadata, v: e.v } })), { expected: 'no_stream' });
  };
  for (let next = 0; next < cases; next += SEED_CONCURRENCY) {
    await Promise.all(Array.from({ length: Math.min(SEED_CONCURRENCY, cases - next) }, (_, k) => startOne(next + k)));
  }
}

function startApi(env: Record<string, string>): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [MAIN], { cwd: WORKSPACE, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) done({ url: match[1]!, pid: child.pid!, stop: () => new Promise((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); }) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`api exited with ${code}:\n${output}`)));
  });
}

function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function openWindowTasks(dataDir: string, limit: number): string[] {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  const rows = db.prepare("SELECT id FROM tasks WHERE status = 'open' AND element_id = 'Task_WindowCheck' LIMIT ?").all(limit) as { id: string }[];
  db.close();
  return rows.map((r) => r.id);
}

function load(url: string, token: string, taskIds: string[]): Promise<AutocannonResult> {
  let next = 0;
  const body = JSON.stringify({ variables: FORM_VARIABLES });
  return new Promise((done, fail) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: LOAD_SECONDS,
        amount: taskIds.length,
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

const suite: BenchSuite = {
  suite: 'api',
  async run() {
    if (!existsSync(MAIN)) execFileSync('npx', ['nx', 'run', 'api:build', '--outputStyle=static'], { cwd: WORKSPACE, stdio: 'inherit' });
    const dataDir = mkdtempSync(join(tmpdir(), 'banjie-api-bench-'));
    try {
      const env = { BANJIE_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', BANJIE_BPMN_DIR: FIXTURES };
      // A first start seeds the users and deploys the fixture flow through the api's own path.
      await (await startApi(env)).stop();
      const store = openSqliteEventStore({ path: join(dataDir, 'events.sqlite') });
      await seedCases(store, CASES);
      const appendsPerSecond = await singleAppendRate(store, 2_000);
      await store.close();

      const rebuildOutput = execFileSync(process.execPath, [MAIN, '--rebuild-projections'], { cwd: WORKSPACE, env: { ...process.env, ...env }, encoding: 'utf8' });
      const rebuilt = /rebuilt from (\d+) events in ([\d.]+) s/.exec(rebuildOutput);
      const rebuildEventsPerSecond = rebuilt ? Number(rebuilt[1]) / Number(rebuilt[2]) : 0;

      const api = await startApi(env);
      try {
        const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lf-clerk', password: 'banjie' }) });
        const { accessToken } = (await login.json()) as { accessToken: string };
        const taskIds = openWindowTasks(dataDir, CASES);
        const result = await load(api.url, accessToken, taskIds);
        const completions = result.requests.total - result.non2xx - result.errors;
        const completionsPerSecond = completions / Math.max(result.duration, 1e-3);
        const memory = residentMiB(api.pid);
        return {
          metrics: [
            { name: 'cases in the store before the run', value: CASES, unit: 'cases' },
            { name: 'task completions over HTTP (50 clients)', value: Math.round(completionsPerSecond), unit: 'completions/s' },
            { name: 'completion latency p50', value: result.latency.p50, unit: 'ms' },
            { name: 'completion latency p99', value: result.latency.p99, unit: 'ms' },
            { name: 'failed completions', value: result.non2xx + result.errors, unit: 'requests' },
            { name: 'store single durable appends', value: Math.round(appendsPerSecond), unit: 'appends/s' },
            { name: 'read-model rebuild', value: Math.round(rebuildEventsPerSecond), unit: 'events/s' },
            { name: 'api resident memory after the run', value: Math.round(memory), unit: 'MiB' },
          ],
          ratios: [
            { name: 'completions/s ÷ store single appends/s', value: completionsPerSecond / appendsPerSecond, target: 0.25 },
            { name: 'completions/s ÷ 1,500 target', value: completionsPerSecond / 1500, target: 1 },
            { name: '50 ms ÷ p99 latency', value: 50 / Math.max(result.latency.p99, 1e-3), target: 1 },
            { name: 'rebuild events/s ÷ 50,000 target', value: rebuildEventsPerSecond / 50_000, target: 1 },
          ],
        };
      } finally {
        await api.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
