import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltApi, WORKSPACE } from './built-api';
import type { Ledger } from './ledger';

/** One stored event as the checks read it. */
export interface StoredEvent {
  stream: string;
  type: string;
  data: Record<string, unknown>;
}

/** Reads every event of the SQLite store in `dataDir` (read only). */
export function readStore(dataDir: string): StoredEvent[] {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  const rows = db.prepare('SELECT stream, type, data FROM events ORDER BY position').all() as { stream: string; type: string; data: string }[];
  db.close();
  return rows.map((row) => ({ stream: row.stream, type: row.type, data: JSON.parse(row.data) as Record<string, unknown> }));
}

/** The newest position of the store (0 when empty). */
export function storeHead(dataDir: string): number {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  const head = (db.prepare('SELECT MAX(position) AS p FROM events').get() as { p: number | null }).p ?? 0;
  db.close();
  return head;
}

/** Acknowledged commands with no trace in the store, one line each (none: nothing lost). */
export function lostAcknowledgements(ledger: Ledger, events: StoredEvent[]): string[] {
  const streams = new Set(events.map((e) => e.stream));
  const completed = new Set(events.filter((e) => e.type === 'TaskCompleted').map((e) => `${e.stream}/${String(e.data['taskId'])}`));
  const deployed = new Set(events.filter((e) => e.type === 'DefinitionDeployed').map((e) => `${String(e.data['key'])}@${String(e.data['version'])}#${String(e.data['hash'])}`));
  const correlated = new Set(events.filter((e) => e.type === 'MessageCorrelated').map((e) => `${e.stream}/${String(e.data['correlationKey'])}`));
  const lost: string[] = [];
  for (const [id] of ledger.cases) if (!streams.has(`case-${id}`)) lost.push(`case ${id}`);
  for (const c of ledger.completions) if (!completed.has(`case-${c.caseId}/${c.taskId}`)) lost.push(`completion of task ${c.taskId}`);
  for (const d of ledger.deploys) if (!deployed.has(`${d.key}@${d.version}#${d.hash}`)) lost.push(`deploy ${d.key} v${d.version}`);
  for (const m of ledger.messages) for (const id of m.caseIds) if (!correlated.has(`case-${id}/${m.correlationKey}`)) lost.push(`message ${m.correlationKey} to case ${id}`);
  return lost;
}

/** Effects recorded more than once: a timer that fired twice, a task completed twice, a case started twice. */
export function duplicates(events: StoredEvent[]): string[] {
  const seen = new Map<string, number>();
  const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
  for (const e of events) {
    if (e.type === 'TimerFired') count(`TimerFired ${e.stream}/${String(e.data['timerId'])}`);
    if (e.type === 'TaskCompleted') count(`TaskCompleted ${e.stream}/${String(e.data['taskId'])}`);
    if (e.type === 'CaseStarted') count(`CaseStarted ${e.stream}`);
  }
  return [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);
}

/** How many timers fired (each counted once per stream and timer id). */
export function timersFired(events: StoredEvent[]): number {
  return new Set(events.filter((e) => e.type === 'TimerFired').map((e) => `${e.stream}/${String(e.data['timerId'])}`)).size;
}

/** Runs the offline verifier (`npm run verify -- --data <dir>`); returns its last line and whether every chain holds. */
export function verifyChains(dataDir: string): { intact: boolean; summary: string } {
  const run = spawnSync('npx', ['tsx', '--tsconfig', 'tools/verify/tsconfig.json', 'tools/verify/verify.ts', '--data', dataDir], { cwd: WORKSPACE, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const lines = `${run.stdout}${run.stderr}`.trim().split('\n');
  return { intact: run.status === 0, summary: lines[lines.length - 1] ?? '' };
}

/** Tables that record where a worker stands rather than what the events say. */
const PROGRESS_TABLES = /checkpoint/i;

function readModelRows(dataDir: string): Record<string, unknown[]> {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name).filter((name) => !PROGRESS_TABLES.test(name));
  const rows = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all()]));
  db.close();
  return rows;
}

/**
 * Compares the read models of `dataDir` (the api stopped) with a clean rebuild of a copy
 * (`node dist/apps/api/main.js --rebuild-projections`); returns the tables that differ.
 */
export function readModelsEqualRebuild(dataDir: string): { differing: string[]; tables: number; rows: number } {
  const copy = mkdtempSync(join(tmpdir(), 'banjie-crash-rebuild-'));
  try {
    for (const file of readdirSync(dataDir)) if (/^(events|read-models)\.sqlite(-wal|-shm)?$|^jwt-secret$/.test(file)) copyFileSync(join(dataDir, file), join(copy, file));
    const rebuilt = runBuiltApi({ BANJIE_DATA_DIR: copy, BANJIE_SEED_DEMO: 'false', BANJIE_BPMN_DIR: join(copy, 'none') }, ['--rebuild-projections']);
    if (rebuilt.status !== 0 || !existsSync(join(copy, 'read-models.sqlite'))) throw new Error(`--rebuild-projections failed:\n${rebuilt.output}`);
    const live = readModelRows(dataDir);
    const clean = readModelRows(copy);
    const names = [...new Set([...Object.keys(live), ...Object.keys(clean)])];
    const differing = names.filter((name) => JSON.stringify(live[name]) !== JSON.stringify(clean[name]));
    return { differing, tables: names.length, rows: Object.values(live).reduce((n, rows) => n + rows.length, 0) };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
