/**
 * Seeds many cases straight into a data dir's SQLite store, fast enough for a million cases in
 * minutes: every case is started in process by the api's own `CaseCommands` (the same decide,
 * metadata, hash chain and append as `POST /api/cases` by the flow's applicant), thousands at a
 * time, so the store's group commit writes them in big transactions; no HTTP, no read models on
 * the way. The read models are then rebuilt from the store by the built api
 * (`main.js --rebuild-projections`), so their rows are exactly the api's own.
 *
 * Usage (the api must be built: `npx nx run api:build`):
 *
 *   import { seedCasesThroughStore } from '<root>/apps/api/bench/seed-through-store';
 *   const seeded = await seedCasesThroughStore(dataDir, 10_000, { bpmnDir: 'bpmn', definitionKey: 'linfen-123-closure' });
 *   // then start the api with BANJIE_DATA_DIR=dataDir and the same BANJIE_BPMN_DIR
 *
 * On an empty `dataDir` the api is started once first (it creates the demo users and deploys
 * the flows of `bpmnDir`); on a data dir that already holds cases, more are added.
 */
import { demoUsers } from '@banjie/api-auth';
import { ApiMetrics, CaseCommands, DefinitionRegistry, SystemClock, WorkingCalendars, WritePositions } from '@banjie/api-core';
import { openSqliteEventStore, orderedUuid, type EventStore } from '@banjie/event-store';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const WORKSPACE = resolve(__dirname, '../../..');
const MAIN = join(WORKSPACE, 'dist/apps/api/main.js');

export interface SeedOptions {
  /** The folder of flows the api deploys (BANJIE_BPMN_DIR); default the workspace's `bpmn`. */
  bpmnDir?: string;
  /** The flow every case runs; its zone is the flow's. */
  definitionKey: string;
  /** Who starts the cases (a demo user of the flow's zone); default `lf-applicant`. */
  applicant?: string;
  /** Business keys are `${businessKeyPrefix}${n}`; default `BENCH-`. */
  businessKeyPrefix?: string;
  /** The first n of the business keys (to add to a store seeded before); default 0. */
  firstNumber?: number;
  /** Cases appended per group commit; default 2,000. */
  batch?: number;
  /** Rebuild the read models afterwards (default true); false leaves them to the api's next start. */
  rebuildReadModels?: boolean;
  /** More environment for the api runs (priming and rebuild). */
  env?: Record<string, string>;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface SeedResult {
  cases: number;
  events: number;
  seedSeconds: number;
  rebuildSeconds: number;
}

/** Seeds `count` cases of `options.definitionKey` into `<dataDir>/events.sqlite` and rebuilds the read models. */
export async function seedCasesThroughStore(dataDir: string, count: number, options: SeedOptions): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const env = {
    BANJIE_DATA_DIR: dataDir,
    BANJIE_BPMN_DIR: resolve(options.bpmnDir ?? join(WORKSPACE, 'bpmn')),
    BANJIE_SEED_DEMO_CASES: 'false',
    LOG_LEVEL: 'warn',
    PORT: '0',
    ...options.env,
  };
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: npx nx run api:build`);
  if (!existsSync(join(dataDir, 'events.sqlite'))) await primeOnce(env);
  const started = performance.now();
  const store = openSqliteEventStore({ path: join(dataDir, 'events.sqlite') });
  let events = 0;
  try {
    const start = await caseStarter(store, options);
    const batch = options.batch ?? 2_000;
    const first = options.firstNumber ?? 0;
    const prefix = options.businessKeyPrefix ?? 'BENCH-';
    for (let next = 0; next < count; next += batch) {
      const size = Math.min(batch, count - next);
      const written = await Promise.all(Array.from({ length: size }, (_, k) => start(`${prefix}${first + next + k}`)));
      events += written.reduce((sum, n) => sum + n, 0);
      if (next % (batch * 50) === 0 || next + size === count) log(`seeded ${(next + size).toLocaleString('en-US')} of ${count.toLocaleString('en-US')} cases`);
    }
  } finally {
    await store.close();
  }
  const seedSeconds = (performance.now() - started) / 1000;
  let rebuildSeconds = 0;
  if (options.rebuildReadModels !== false) {
    const rebuilding = performance.now();
    execFileSync(process.execPath, [MAIN, '--rebuild-projections'], { cwd: WORKSPACE, env: { ...process.env, ...env }, encoding: 'utf8' });
    rebuildSeconds = (performance.now() - rebuilding) / 1000;
  }
  return { cases: count, events, seedSeconds, rebuildSeconds };
}

/** Starts the built api once on the data dir (users, flows), then stops it. */
function primeOnce(env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [MAIN], { cwd: WORKSPACE, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/running at http/.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => (signal === 'SIGTERM' || /running at http/.test(output) ? done() : fail(new Error(`api exited with ${code}:\n${output}`))));
  });
}

/** A function that starts one case of the flow through `CaseCommands` and answers how many events it wrote. */
async function caseStarter(store: EventStore, options: SeedOptions): Promise<(businessKey: string) => Promise<number>> {
  const clock = new SystemClock();
  const writePositions = new WritePositions();
  const definitions = new DefinitionRegistry(store, clock, writePositions);
  const commands = new CaseCommands(store, clock, definitions, new WorkingCalendars(), writePositions, new ApiMetrics());
  const applicantId = options.applicant ?? 'lf-applicant';
  const actor = demoUsers().find((user) => user.id === applicantId);
  if (!actor) throw new Error(`${applicantId} is not a demo user`);
  // Process keys are per zone: the flow of the applicant's zone.
  const definition = await definitions.find(actor.zoneId, options.definitionKey);
  if (!definition) throw new Error(`The api did not deploy ${options.definitionKey} in ${actor.zoneId} (is it in ${options.bpmnDir ?? 'bpmn'}?)`);
  return async (businessKey) => {
    const caseId = orderedUuid();
    const started = await commands.start({
      caseId,
      actor,
      correlationId: orderedUuid(),
      command: { type: 'StartCase', caseId, definitionKey: definition.key, version: definition.version, zoneId: definition.zoneId, businessKey },
    });
    return started.events.length;
  };
}
