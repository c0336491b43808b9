import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBuiltApi, stopApi, type ApiChild } from './built-api';
import { call, login, sleep, type Answer, type Target } from './http-client';
import { emptyLedger } from './ledger';
import { crashFlow, type Load } from './load';
import { apiEnv } from './kill-phase';
import { duplicates, lostAcknowledgements, readStore, storeHead, verifyChains } from './store-checks';

/** What one disk fault did. */
export interface FaultPhase {
  fault: 'fsync EIO (BANJIE_FAULT_INJECT)' | 'full tmpfs';
  skipped?: string;
  acknowledgedBefore: number;
  refused503: number;
  otherWhileFailing: Record<string, number>;
  readsOk: number;
  healthWhileFailing: string;
  healthAfter: string;
  acknowledgedAfter: number;
  lost: string[];
  duplicated: string[];
  chains: string;
}

export interface DiskReport {
  phases: FaultPhase[];
  problems: string[];
}

const BEFORE = 4;
/** A variable large enough that a few starts need new pages on a full disk. */
const BALLAST_TEXT = '材料'.repeat(20_000);

/** The injected EIO always, and the full tmpfs when running as root with `mount`. */
export async function runDiskPhase(): Promise<DiskReport> {
  const phases: FaultPhase[] = [];
  const faultFile = join(mkdtempSync(join(tmpdir(), 'banjie-fault-')), 'fault');
  const eioDir = mkdtempSync(join(tmpdir(), 'banjie-crash-eio-'));
  phases.push(
    await runFault('fsync EIO (BANJIE_FAULT_INJECT)', eioDir, { BANJIE_FAULT_INJECT: faultFile }, {
      fail: async () => writeFileSync(faultFile, 'eio'),
      recover: async () => writeFileSync(faultFile, ''),
    }),
  );
  phases.push(await runTmpfsFault());
  const problems = phases.flatMap((p) => [
    ...p.lost.map((l) => `${p.fault}: lost ${l}`),
    ...p.duplicated.map((d) => `${p.fault}: duplicated ${d}`),
    ...(p.skipped || p.refused503 > 0 ? [] : [`${p.fault}: no command was refused with 503 store_unavailable`]),
    ...(p.skipped || Object.keys(p.otherWhileFailing).every((s) => Number(s) < 500 && Number(s) >= 200) ? [] : [`${p.fault}: answers other than 2xx/503 while failing ${JSON.stringify(p.otherWhileFailing)}`]),
    ...(p.skipped || p.healthWhileFailing === 'degraded' ? [] : [`${p.fault}: /api/health said ${p.healthWhileFailing} while the store could not write`]),
    ...(p.skipped || p.healthAfter === 'ok' ? [] : [`${p.fault}: /api/health said ${p.healthAfter} after recovery`]),
    ...(p.skipped || p.chains.startsWith('完整') ? [] : [`${p.fault}: ${p.chains}`]),
  ]);
  return { phases, problems };
}

async function runTmpfsFault(): Promise<FaultPhase> {
  const skipped = (reason: string): FaultPhase => ({ fault: 'full tmpfs', skipped: reason, acknowledgedBefore: 0, refused503: 0, otherWhileFailing: {}, readsOk: 0, healthWhileFailing: '', healthAfter: '', acknowledgedAfter: 0, lost: [], duplicated: [], chains: '' });
  if (process.getuid?.() !== 0) return skipped('not running as root, so no tmpfs can be mounted');
  const mountPoint = mkdtempSync(join(tmpdir(), 'banjie-crash-tmpfs-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48m', 'tmpfs', mountPoint], { encoding: 'utf8' });
  if (mounted.status !== 0) return skipped(`mount -t tmpfs failed: ${(mounted.stderr || String(mounted.error)).trim()}`);
  const ballast = join(mountPoint, 'ballast');
  try {
    return await runFault('full tmpfs', join(mountPoint, 'data'), {}, { fail: async () => fillDisk(ballast), recover: async () => rmSync(ballast, { force: true }) });
  } finally {
    spawnSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  }
}

/** Writes `path` until the file system has no space left. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 7);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    // ENOSPC: full
  } finally {
    closeSync(fd);
  }
}

/**
 * Starts cases, makes the store fail with `fault.fail`, tries starts and a deploy (each must be
 * 2xx and kept, or 503 and not written), reads, asks /api/health, recovers with `fault.recover`,
 * retries the refused starts, and checks the store.
 */
async function runFault(name: FaultPhase['fault'], dataDir: string, env: Record<string, string>, fault: { fail(): Promise<void>; recover(): Promise<void> }): Promise<FaultPhase> {
  const api: ApiChild = await startBuiltApi(apiEnv(dataDir, env));
  const target: Target = { url: api.url };
  const load: Load = { target, ledger: emptyLedger(), stopped: false, clockNow: Date.now(), deployRevision: 0 };
  const applicant = await login(target, 'lf-applicant');
  const designer = await login(target, 'lf-designer');
  const deployed = await call(target, 'POST', '/api/definitions', { token: designer, body: { xml: crashFlow('lf', 1) } });
  if (deployed.status !== 201) throw new Error(`deploy failed: ${deployed.status} ${JSON.stringify(deployed.body)}`);
  load.ledger.deploys.push({ key: deployed.body.key, version: deployed.body.version, hash: deployed.body.hash });
  const start = (businessKey: string) => call(target, 'POST', '/api/cases', { token: applicant, body: { definitionKey: 'crash-lf', businessKey, variables: { materials: BALLAST_TEXT } } });
  const acknowledge = (answer: Answer, businessKey: string) => {
    if (answer.status === 201) load.ledger.cases.set(answer.body.id, { zone: 'lf', businessKey, definitionKey: 'crash-lf' });
    return answer.status === 201;
  };
  for (let i = 0; i < BEFORE; i++) acknowledge(await start(`LF-DISK-BEFORE-${i}`), `LF-DISK-BEFORE-${i}`);
  const acknowledgedBefore = load.ledger.cases.size;

  // when the store cannot write
  await fault.fail();
  const refused: string[] = [];
  const otherWhileFailing: Record<string, number> = {};
  for (let i = 0; i < 40 && refused.length < 3; i++) {
    const key = `LF-DISK-FAULT-${i}`;
    const answer = await start(key);
    if (answer.status === 503 && answer.body?.error === 'store_unavailable') refused.push(key);
    else if (!acknowledge(answer, key)) otherWhileFailing[String(answer.status)] = (otherWhileFailing[String(answer.status)] ?? 0) + 1;
  }
  const deployWhileFailing = await call(target, 'POST', '/api/definitions', { token: designer, body: { xml: crashFlow('lf', 2) } });
  if (deployWhileFailing.status === 201) load.ledger.deploys.push({ key: deployWhileFailing.body.key, version: deployWhileFailing.body.version, hash: deployWhileFailing.body.hash });
  const refused503 = refused.length + (deployWhileFailing.status === 503 ? 1 : 0);
  let readsOk = 0;
  for (const id of [...load.ledger.cases.keys()].slice(0, BEFORE)) if ((await call(target, 'GET', `/api/cases/${id}`, { token: applicant })).status === 200) readsOk++;
  if ((await call(target, 'GET', '/api/cases?limit=20', { token: applicant })).status === 200) readsOk++;
  const healthWhileFailing = String((await call(target, 'GET', '/api/health')).body?.status);

  // then space returns, the refused commands are retried and the api catches up without a restart
  await fault.recover();
  for (const key of refused) acknowledge(await start(key), key);
  const redeployed = await call(target, 'POST', '/api/definitions', { token: designer, body: { xml: crashFlow('lf', 2) } });
  if (redeployed.status === 201 || redeployed.status === 200) load.ledger.deploys.push({ key: redeployed.body.key, version: redeployed.body.version, hash: redeployed.body.hash });
  const healthAfter = await healthOnceCaughtUp(target, dataDir);
  await stopApi(api);
  const events = readStore(dataDir);
  const starts = events.filter((e) => e.type === 'CaseStarted').map((e) => String(e.data['businessKey']));
  const twice = starts.filter((key, i) => starts.indexOf(key) !== i).map((key) => `CaseStarted ${key}`);
  const chains = verifyChains(dataDir).summary;
  rmSync(dataDir, { recursive: true, force: true });
  return {
    fault: name,
    acknowledgedBefore,
    refused503,
    otherWhileFailing,
    readsOk,
    healthWhileFailing,
    healthAfter,
    acknowledgedAfter: load.ledger.cases.size - acknowledgedBefore,
    lost: lostAcknowledgements(load.ledger, events),
    duplicated: [...duplicates(events), ...twice],
    chains,
  };
}

/** /api/health's status once the read models hold the store's head (they retry what failed), within 90 s. */
async function healthOnceCaughtUp(target: Target, dataDir: string): Promise<string> {
  let status = 'unknown';
  for (let i = 0; i < 180; i++) {
    const health = await call(target, 'GET', '/api/health');
    status = String(health.body?.status);
    if (status === 'ok' && Number(health.body?.projections?.position ?? 0) >= storeHead(dataDir)) return status;
    await sleep(500);
  }
  return status;
}
