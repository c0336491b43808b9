/**
 * `npm run bench -- api --scale`: the same completion run over a small and a large store (10,000
 * and 1,000,000 cases by default; `BENCH_SCALE_SIZES=10000,200000` to choose), each seeded
 * straight through the store by `seedCasesThroughStore`, reported with the ratio of the rates
 * (issue #17: at 1M ≥ 0.8× the rate at 10k), the store and read-model file sizes and the api's
 * resident memory at each size.
 */
import type { BenchMetric, BenchOutcome, BenchRatio } from '@banjie/bench';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedCasesThroughStore } from './seed-through-store';

/** What the scale run borrows from the api bench, so both measure the same way. */
export interface ScaleHelpers {
  flow: { key: string; bpmnDir: string; variables: Record<string, unknown> };
  startApi(env: Record<string, string>): Promise<{ url: string; pid: number; stop: () => Promise<void> }>;
  load(url: string, token: string, taskIds: string[], variables: Record<string, unknown>): Promise<{ requests: { total: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; duration: number }>;
  openTasks(dataDir: string, limit: number): string[];
  residentMiB(pid: number): number;
  log(line: string): void;
}

/** Whether `npm run bench -- api --scale` asked for the scale run (the runner passes its flags in BENCH_FLAGS). */
export function scaleRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env['BENCH_FLAGS'] ?? '').split(/\s+/).includes('--scale') || env['BENCH_SCALE'] === '1';
}

/** The store sizes to compare, smallest first. */
export function scaleSizes(env: NodeJS.ProcessEnv = process.env): number[] {
  const named = env['BENCH_SCALE_SIZES']?.split(',').map((size) => Number(size.trim()));
  const sizes = named && named.length >= 2 && named.every((size) => Number.isInteger(size) && size > 0) ? named : [10_000, 1_000_000];
  return [...sizes].sort((a, b) => a - b);
}

interface SizeFigures {
  cases: number;
  events: number;
  seedSeconds: number;
  rebuildSeconds: number;
  completionsPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
  storeMiB: number;
  readModelsMiB: number;
  rssMiB: number;
}

/** MiB of a SQLite database with its write-ahead log. */
function databaseMiB(path: string): number {
  return [path, `${path}-wal`].filter(existsSync).reduce((sum, file) => sum + statSync(file).size, 0) / 2 ** 20;
}

async function runSize(cases: number, helpers: ScaleHelpers): Promise<SizeFigures> {
  const dataDir = mkdtempSync(join(process.env['BENCH_SCALE_DIR'] ?? tmpdir(), `banjie-scale-${cases}-`));
  try {
    const env = { BANJIE_DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', BANJIE_BPMN_DIR: helpers.flow.bpmnDir, BANJIE_SEED_DEMO_CASES: 'false' };
    const seeded = await seedCasesThroughStore(dataDir, cases, { bpmnDir: helpers.flow.bpmnDir, definitionKey: helpers.flow.key, businessKeyPrefix: 'LF-SCALE-', log: helpers.log });
    helpers.log(`${cases.toLocaleString('en-US')} cases (${seeded.events.toLocaleString('en-US')} events) seeded in ${seeded.seedSeconds.toFixed(1)} s, read models rebuilt in ${seeded.rebuildSeconds.toFixed(1)} s`);
    const api = await helpers.startApi(env);
    try {
      const login = await fetch(`${api.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'lf-clerk', password: 'banjie' }) });
      const { accessToken } = (await login.json()) as { accessToken: string };
      // the same number of candidate tasks at every size (more than 50 clients complete in the run)
      const taskIds = helpers.openTasks(dataDir, 20_000);
      const result = await helpers.load(api.url, accessToken, taskIds, helpers.flow.variables);
      const failed = result.non2xx + result.errors;
      const completionsPerSecond = (result.requests.total - failed) / Math.max(result.duration, 1e-3);
      const rssMiB = helpers.residentMiB(api.pid);
      helpers.log(`${cases.toLocaleString('en-US')} cases: ${Math.round(completionsPerSecond)} completions/s, p99 ${result.latency.p99} ms, RSS ${Math.round(rssMiB)} MiB`);
      return {
        cases,
        events: seeded.events,
        seedSeconds: seeded.seedSeconds,
        rebuildSeconds: seeded.rebuildSeconds,
        completionsPerSecond,
        p50: result.latency.p50,
        p99: result.latency.p99,
        failed,
        storeMiB: databaseMiB(join(dataDir, 'events.sqlite')),
        readModelsMiB: databaseMiB(join(dataDir, 'read-models.sqlite')),
        rssMiB,
      };
    } finally {
      await api.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs every size in turn (one store on disk at a time) and compares the largest with the smallest. */
export async function runScale(helpers: ScaleHelpers, sizes = scaleSizes()): Promise<BenchOutcome> {
  const figures: SizeFigures[] = [];
  for (const cases of sizes) figures.push(await runSize(cases, helpers));
  const metrics: BenchMetric[] = figures.flatMap((f) => {
    const at = `at ${f.cases.toLocaleString('en-US')} cases`;
    return [
      { name: `events in the store ${at}`, value: f.events, unit: 'events' },
      { name: `seeding through the store ${at}`, value: Number(f.seedSeconds.toFixed(1)), unit: 's' },
      { name: `read-model rebuild ${at}`, value: Number(f.rebuildSeconds.toFixed(1)), unit: 's' },
      { name: `task completions over HTTP ${at}`, value: Math.round(f.completionsPerSecond), unit: 'completions/s' },
      { name: `completion latency p50 / p99 ${at}`, value: f.p99, unit: `ms p99 (p50 ${f.p50} ms)` },
      { name: `failed completions ${at}`, value: f.failed, unit: 'requests' },
      { name: `store file (events.sqlite + WAL) ${at}`, value: Math.round(f.storeMiB), unit: 'MiB' },
      { name: `read models (read-models.sqlite + WAL) ${at}`, value: Math.round(f.readModelsMiB), unit: 'MiB' },
      { name: `api resident memory after the run ${at}`, value: Math.round(f.rssMiB), unit: 'MiB' },
    ];
  });
  const small = figures[0];
  const large = figures[figures.length - 1];
  const ratios: BenchRatio[] = [
    { name: `completions/s at ${large.cases.toLocaleString('en-US')} ÷ at ${small.cases.toLocaleString('en-US')} cases`, value: large.completionsPerSecond / small.completionsPerSecond, target: 0.8 },
  ];
  return { metrics, ratios };
}
