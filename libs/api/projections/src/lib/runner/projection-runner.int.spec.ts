import { Logger } from '@nestjs/common';
import { ApiMetrics, WritePositions } from '@banjie/api-core';
import { createMemoryEventStore, type EventStore, type RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { firstValueFrom, toArray, takeUntil, timer } from 'rxjs';
import { sql, type Projection } from '../read-models/projection';
import { openReadModelDatabase } from '../read-models/read-model-database';
import { ProjectionRunner } from './projection-runner';

/** A read model of one row per event it applied; `fails(event)` makes it throw on that event. */
function ledger(name: string, fails: (event: RecordedEvent) => boolean = () => false): Projection {
  return {
    name,
    tables: [name],
    schema: `CREATE TABLE IF NOT EXISTS ${name} (position TEXT PRIMARY KEY, type TEXT NOT NULL)`,
    apply(db: Database.Database, event: RecordedEvent): void {
      sql(db, `INSERT INTO ${name} (position, type) VALUES (?, ?)`).run(event.position, event.type);
      if (fails(event)) throw new Error(`${name} cannot read ${event.type}`);
    },
  };
}

function rows(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT type FROM ${table} ORDER BY CAST(position AS INTEGER)`).all() as { type: string }[]).map((r) => r.type);
}

function checkpoint(db: Database.Database, name: string): string | undefined {
  return (db.prepare('SELECT position FROM projection_checkpoints WHERE name = ?').get(name) as { position: string } | undefined)?.position;
}

async function appendAll(store: EventStore, writes: WritePositions, types: string[]): Promise<string[]> {
  const positions: string[] = [];
  for (const type of types) {
    const { position } = await store.append('case-c1', [{ type, data: {} }], { expected: 'any' });
    writes.record(position);
    positions.push(position);
  }
  return positions;
}

async function eventually(ok: () => boolean, timeoutMs = 3_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ok() && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
}

describe('the projection runner, when a read model fails on an event', () => {
  const calendars = {} as never;
  let store: EventStore;
  let db: Database.Database;
  let writes: WritePositions;
  let metrics: ApiMetrics;
  let broken: boolean;
  const runners: ProjectionRunner[] = [];
  const poisoned = (event: RecordedEvent) => broken && event.type === 'Poisoned';

  function runner(retryDelayMs = 20): ProjectionRunner {
    const created = new ProjectionRunner(store, db, writes, metrics, calendars, {
      projections: () => [ledger('steady'), ledger('fragile', poisoned), ledger('trailing')],
      retryDelayMs,
      maxRetryDelayMs: retryDelayMs * 4,
    });
    runners.push(created);
    return created;
  }

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new Logger()));

  beforeEach(() => {
    store = createMemoryEventStore();
    db = openReadModelDatabase(undefined);
    writes = new WritePositions();
    metrics = new ApiMetrics();
    broken = true;
  });

  afterEach(async () => {
    for (const created of runners.splice(0)) await created.stop();
    db.close();
  });

  it('stops it just before that event, lets the others go on, and resumes with nothing skipped once the cause is gone', async () => {
    // given events before and after a poisoned one, some read at start and some live
    const positions = await appendAll(store, writes, ['First', 'Second', 'Poisoned', 'Third']);
    const projections = runner(50);
    await projections.start();
    positions.push(...(await appendAll(store, writes, ['Fourth'])));
    const started = Date.now();
    await projections.catchUp();
    const waited = Date.now() - started;

    // then the failing read model stands before the event and wrote nothing after it
    const all = ['First', 'Second', 'Poisoned', 'Third', 'Fourth'];
    expect(rows(db, 'fragile')).toEqual(['First', 'Second']);
    expect(checkpoint(db, 'fragile')).toBe(positions[1]);
    expect(rows(db, 'steady')).toEqual(all);
    expect(rows(db, 'trailing')).toEqual(all);
    expect(checkpoint(db, 'trailing')).toBe(positions[4]);
    // and read-your-writes waits for the running read models only
    expect(waited).toBeLessThan(1_000);
    expect(projections.projectedPosition).toBe(positions[4]);
    expect(projections.stoppedProjections).toEqual([
      {
        name: 'fragile',
        checkpoint: positions[1],
        event: { stream: 'case-c1', revision: 2, position: positions[2], type: 'Poisoned' },
        error: 'fragile cannot read Poisoned',
        since: expect.any(String),
        attempts: expect.any(Number),
        nextRetryAt: expect.any(String),
      },
    ]);
    const scrape = await metrics.registry.metrics();
    expect(scrape).toContain('banjie_projection_stopped{projection="fragile"} 1');
    expect(scrape).toMatch(/banjie_projection_failures_total\{projection="fragile"\} [1-9]/);

    // when the cause is removed, the next retry applies the event and all after it
    broken = false;
    await eventually(() => projections.stoppedProjections.length === 0);
    positions.push(...(await appendAll(store, writes, ['Fifth'])));
    await projections.catchUp();

    // then
    expect(projections.stoppedProjections).toEqual([]);
    expect(rows(db, 'fragile')).toEqual([...all, 'Fifth']);
    expect(checkpoint(db, 'fragile')).toBe(positions[5]);
    expect(rows(db, 'steady')).toEqual([...all, 'Fifth']);
    expect(await metrics.registry.metrics()).toContain('banjie_projection_stopped{projection="fragile"} 0');
  });

  it('keeps retrying while the cause stays, counting every failed attempt', async () => {
    // given
    await appendAll(store, writes, ['First', 'Poisoned', 'Second']);
    const projections = runner(20);

    // when
    await projections.start();
    await eventually(() => (projections.stoppedProjections[0]?.attempts ?? 0) >= 3);

    // then
    const [stopped] = projections.stoppedProjections;
    expect(stopped?.attempts).toBeGreaterThanOrEqual(3);
    expect(rows(db, 'fragile')).toEqual(['First']);
    expect(await metrics.registry.metrics()).toMatch(/banjie_projection_failures_total\{projection="fragile"\} ([3-9]|\d\d)/);
  });

  it('tries the event again at the next start, without applying twice what the others hold', async () => {
    // given a runner that stopped a read model and was shut down
    const positions = await appendAll(store, writes, ['First', 'Poisoned', 'Second']);
    const before = runner(60_000);
    await before.start();
    await before.stop();
    expect(checkpoint(db, 'fragile')).toBe(positions[0]);

    // when the cause is fixed and the api starts again
    broken = false;
    const after = runner(60_000);
    const announced = firstValueFrom(after.applied$.pipe(takeUntil(timer(200)), toArray()));
    await after.start();

    // then
    expect(after.stoppedProjections).toEqual([]);
    expect(rows(db, 'fragile')).toEqual(['First', 'Poisoned', 'Second']);
    expect(rows(db, 'steady')).toEqual(['First', 'Poisoned', 'Second']);
    expect(checkpoint(db, 'fragile')).toBe(positions[2]);
    expect(await announced).toEqual([]);
  });

  it('fails a rebuild that leaves a read model stopped, naming it, and rebuilds it once fixed', async () => {
    // given
    await appendAll(store, writes, ['First', 'Poisoned', 'Second']);
    const projections = runner(60_000);

    // when
    const failed = projections.rebuild();

    // then
    await expect(failed).rejects.toThrow(/stopped: fragile at Poisoned case-c1@1 \(position \d+\): fragile cannot read Poisoned/);
    broken = false;
    expect(await projections.rebuild()).toBe(3);
    expect(rows(db, 'fragile')).toEqual(['First', 'Poisoned', 'Second']);
  });
});
