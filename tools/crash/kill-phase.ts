import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killApi, startBuiltApi, stopApi, WORKSPACE, type ApiChild } from './built-api';
import { call, login, sleep } from './http-client';
import { acknowledged, emptyLedger } from './ledger';
import { advanceClock, deploy, operators, sendSupplement, ZONES, zoneClient, type Load } from './load';
import { duplicates, lostAcknowledgements, readModelsEqualRebuild, readStore, storeHead, timersFired, verifyChains } from './store-checks';

/** What a kill interrupts: nothing in particular, a deploy, the clock firing timers, a message. */
const KILL_MOMENTS = ['load', 'deploy', 'timers', 'message'] as const;
type KillMoment = (typeof KILL_MOMENTS)[number];

/** The figures and findings of the kill phase. */
export interface KillReport {
  dataDir: string;
  acknowledged: number;
  cases: number;
  completions: number;
  deploys: number;
  messages: number;
  clockAdvances: number;
  kills: number;
  killsDuring: Record<KillMoment, number>;
  refused: Record<string, number>;
  refusedBy: Record<string, number>;
  unanswered: number;
  events: number;
  timersFired: number;
  lost: string[];
  duplicated: string[];
  chains: { intact: boolean; summary: string };
  readModels: { differing: string[]; tables: number; rows: number };
}

/** The api environment of the suite: the zone flows of bpmn/, a manual clock, no web build needed. */
export function apiEnv(dataDir: string, extra: Record<string, string> = {}): Record<string, string> {
  return { BANJIE_DATA_DIR: dataDir, BANJIE_BPMN_DIR: join(WORKSPACE, 'bpmn'), BANJIE_CLOCK: 'manual', BANJIE_SEED_DEMO_CASES: 'false', BANJIE_WEB_DIR: join(dataDir, 'no-web'), ...extra };
}

/**
 * Drives `clients` zone clients and the operators against the built api, SIGKILLs it `kills`
 * times (cycling through the moments of KILL_MOMENTS), restarts it each time, then checks the store.
 */
export async function runKillPhase(kills: number, clients: number): Promise<KillReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'banjie-crash-'));
  let api: ApiChild = await startBuiltApi(apiEnv(dataDir));
  const load: Load = { target: { url: api.url }, ledger: emptyLedger(), stopped: false, clockNow: Date.now(), deployRevision: 0 };
  const admin = await login(load.target, 'admin');
  const designers = new Map(await Promise.all(ZONES.map(async (zone) => [zone, await login(load.target, `${zone}-designer`)] as const)));
  for (const zone of ZONES) {
    const first = await deploy(load, designers.get(zone) as string, zone);
    if (first.status !== 201 && first.status !== 200) throw new Error(`deploying crash-${zone} failed: ${first.status} ${JSON.stringify(first.body)}`);
  }
  const running = [operators(load), ...Array.from({ length: clients }, (_, i) => zoneClient(load, ZONES[i % ZONES.length]))];
  const killsDuring: Record<KillMoment, number> = { load: 0, deploy: 0, timers: 0, message: 0 };
  const applicant = await login(load.target, 'lf-applicant');
  for (let k = 0; k < kills; k++) {
    await sleep(1500 + Math.random() * 2500);
    const moment = KILL_MOMENTS[k % KILL_MOMENTS.length];
    // The interrupted command is sent first, the kill follows within a few milliseconds.
    if (moment === 'deploy') void deploy(load, designers.get('lf') as string, 'lf');
    if (moment === 'timers') void advanceClock(load, admin);
    if (moment === 'message') void sendSupplement(load, applicant, 'lf');
    if (moment !== 'load') await sleep(Math.random() * 8);
    await killApi(api);
    killsDuring[moment]++;
    process.stdout.write(`  kill ${k + 1}/${kills} during ${moment}: ${acknowledged(load.ledger)} acknowledged so far\n`);
    api = await startBuiltApi(apiEnv(dataDir));
    load.target.url = api.url;
  }
  await sleep(1000);
  load.stopped = true;
  await Promise.all(running);
  // Let the workers (timers, jobs, message delivery) and the read models finish what is due.
  await settle(load.target.url, dataDir);
  await stopApi(api);
  const events = readStore(dataDir);
  const { ledger } = load;
  return {
    dataDir,
    acknowledged: acknowledged(ledger),
    cases: ledger.cases.size,
    completions: ledger.completions.length,
    deploys: ledger.deploys.length,
    messages: ledger.messages.length,
    clockAdvances: ledger.clockAdvances,
    kills,
    killsDuring,
    refused: ledger.refused,
    refusedBy: ledger.refusedBy,
    unanswered: ledger.unanswered,
    events: events.length,
    timersFired: timersFired(events),
    lost: lostAcknowledgements(ledger, events),
    duplicated: duplicates(events),
    chains: verifyChains(dataDir),
    readModels: readModelsEqualRebuild(dataDir),
  };
}

/** Waits until the store stops growing and the read models hold its head. */
async function settle(url: string, dataDir: string): Promise<void> {
  let last = -1;
  for (let i = 0; i < 120; i++) {
    await sleep(500);
    const head = storeHead(dataDir);
    const health = await call({ url }, 'GET', '/api/health');
    const position = Number(health.body?.projections?.position ?? 0);
    if (head === last && position >= head) return;
    last = head;
  }
}
