import { openSqliteEventStore, type EventToAppend } from '@banjie/event-store';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnApi } from '../testing/api-process';
import { FIXTURE_BPMN_DIR } from '../testing/test-api';

const CASES = 4_000;

/** The events of one case as the engine writes them: started, a task created, claimed, a timer. */
function caseEvents(caseId: string, zoneId: string, i: number): EventToAppend[] {
  const at = new Date(Date.UTC(2026, 1, 9, 1, 0, i % 60)).toISOString();
  const taskId = randomUUID();
  const metadata = { v: 1, zoneId, actor: { id: `${zoneId}-applicant`, roles: ['applicant'], zoneId } };
  return [
    { type: 'CaseStarted', data: { caseId, definitionKey: 'crash-flow', version: 1, zoneId, businessKey: `BK-${i}`, variables: {}, startedAt: at }, metadata },
    { type: 'TaskCreated', data: { taskId, elementId: 'Task_A', elementInstanceId: randomUUID(), name: 'A', candidateGroups: ['window'], candidateUsers: [], createdAt: at }, metadata },
    { type: 'TaskClaimed', data: { taskId, userId: `${zoneId}-clerk`, at }, metadata },
    { type: 'TimerScheduled', data: { timerId: randomUUID(), elementId: 'Timer_A', dueAt: '2099-01-01T00:00:00.000Z', purpose: 'timer' }, metadata },
    ...(i % 3 === 0 ? [{ type: 'CaseCompleted', data: { endedAt: at }, metadata }] : []),
  ];
}

function readModelRows(dataDir: string): Record<string, unknown[]> {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'projection_checkpoints' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const rows = Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
  db.close();
  return rows;
}

/**
 * The lowest checkpoint of the read models (0 before the first is written). The runner writes
 * every projection's checkpoint in the same transaction, so this is also where the newest stands.
 */
function projectedPosition(dataDir: string): bigint {
  try {
    const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true, fileMustExist: true });
    const rows = db.prepare('SELECT position FROM projection_checkpoints').all() as { position: string }[];
    db.close();
    return rows.length === 0 ? 0n : rows.map((r) => BigInt(r.position)).reduce((a, b) => (a < b ? a : b));
  } catch {
    return 0n;
  }
}

function storeHead(dataDir: string): bigint {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  const max = (db.prepare('SELECT MAX(position) AS p FROM events').get() as { p: number }).p;
  db.close();
  return BigInt(max);
}

describe('read models after a crash', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'banjie-crash-'));
    const store = openSqliteEventStore({ path: join(dataDir, 'events.sqlite') });
    const zones = ['lf', 'cz', 'yp'];
    for (let start = 0; start < CASES; start += 500) {
      await Promise.all(
        Array.from({ length: Math.min(500, CASES - start) }, (_, k) => {
          const i = start + k;
          const caseId = randomUUID();
          return store.append(`case-${caseId}`, caseEvents(caseId, zones[i % zones.length]!, i), { expected: 'no_stream' });
        }),
      );
    }
    await store.close();
  }, 120_000);

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('equal a clean rebuild when the api was killed in the middle of projecting', async () => {
    // given an api catching up with a store full of events
    const env = { BANJIE_DATA_DIR: dataDir, PORT: '0', BANJIE_BPMN_DIR: FIXTURE_BPMN_DIR, BANJIE_SEED_DEMO: 'false' };
    const first = await spawnApi(env, [], false);
    let positionAtKill = 0n;
    // (a slow machine may take many seconds to boot the api: wait for the first checkpoint by time, not by tries)
    const bootDeadline = Date.now() + 120_000;
    while (positionAtKill === 0n && Date.now() < bootDeadline) {
      positionAtKill = projectedPosition(dataDir);
      if (positionAtKill === 0n) await new Promise((r) => setTimeout(r, 5));
    }

    // when it is killed without warning
    first.child.kill('SIGKILL');
    await first.exited;
    const eventsInStore = storeHead(dataDir);

    // and restarted until all its read models caught up; a restart may append too (the fixture
    // flow is deployed at start when the first run was killed before it did), so the head is read
    // once the second api is up
    const second = await spawnApi(env);
    const head = storeHead(dataDir);
    const catchUpDeadline = Date.now() + 120_000;
    while (projectedPosition(dataDir) < head && Date.now() < catchUpDeadline) await new Promise((r) => setTimeout(r, 50));
    expect(projectedPosition(dataDir)).toBeGreaterThanOrEqual(head);
    second.child.kill('SIGTERM');
    await second.exited;
    const afterRestart = readModelRows(dataDir);

    // then a clean rebuild gives the same rows
    const rebuild = await spawnApi(env, ['--rebuild-projections'], false);
    expect(await rebuild.exited).toBe(0);
    expect(rebuild.output()).toMatch(/rebuilt from \d+ events/);
    const rebuilt = readModelRows(dataDir);
    expect(positionAtKill).toBeGreaterThan(0n);
    expect(positionAtKill).toBeLessThan(eventsInStore);
    expect((afterRestart['cases'] as unknown[]).length).toBe(CASES);
    expect(afterRestart).toEqual(rebuilt);
  }, 360_000);
});
