import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltApi, stopApi, WORKSPACE } from './built-api';
import { latencies, login, sleep } from './http-client';
import { acknowledged, emptyLedger } from './ledger';
import { deploy, operators, ZONES, zoneClient, type Load } from './load';
import { apiEnv } from './kill-phase';

/** One 10-second sample of the soak. */
export interface SoakSample {
  atSeconds: number;
  rssMiB: number;
  requests: number;
  p99Ms: number;
  acknowledged: number;
}

const SAMPLE_SECONDS = 10;

/** The `q` quantile of `values` (0 when empty). */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** Resident memory of a process in MiB, from /proc (0 where there is none). */
export function rssMiB(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

/**
 * Steady mixed load (zone clients and operators, no kills) for `seconds`, sampling the api's RSS
 * and the p99 of the answers every 10 s; prints them and writes bench-results/soak.json.
 */
export async function runSoak(seconds: number, clients: number): Promise<SoakSample[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banjie-soak-'));
  const api = await startBuiltApi(apiEnv(dataDir));
  const load: Load = { target: { url: api.url }, ledger: emptyLedger(), stopped: false, clockNow: Date.now(), deployRevision: 0 };
  for (const zone of ZONES) await deploy(load, await login(load.target, `${zone}-designer`), zone);
  const running = [operators(load), ...Array.from({ length: clients }, (_, i) => zoneClient(load, ZONES[i % ZONES.length]))];
  const samples: SoakSample[] = [];
  const started = Date.now();
  console.log('  t(s)  RSS(MiB)  requests  p99(ms)  acknowledged');
  while (Date.now() - started < seconds * 1000) {
    await sleep(SAMPLE_SECONDS * 1000);
    const window = latencies.splice(0, latencies.length);
    const sample = { atSeconds: Math.round((Date.now() - started) / 1000), rssMiB: rssMiB(api.child.pid), requests: window.length, p99Ms: Math.round(quantile(window, 0.99)), acknowledged: acknowledged(load.ledger) };
    samples.push(sample);
    console.log(`  ${String(sample.atSeconds).padStart(4)}  ${String(sample.rssMiB).padStart(8)}  ${String(sample.requests).padStart(8)}  ${String(sample.p99Ms).padStart(7)}  ${String(sample.acknowledged).padStart(12)}`);
  }
  load.stopped = true;
  await Promise.all(running);
  await stopApi(api);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(join(WORKSPACE, 'bench-results'), { recursive: true });
  const file = join(WORKSPACE, 'bench-results/soak.json');
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), seconds, clients, refused: load.ledger.refused, samples }, null, 2)}\n`);
  console.log(`written to ${file}`);
  return samples;
}
