/**
 * Event-store figures of issue 3, measured in one run on the real disk: the SQLite adapter
 * against raw better-sqlite3 inserts with the same pragmas, schema and payloads.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BenchSuite } from '@banjie/bench';
import { type EventStore, type EventToAppend, openSqliteEventStore } from '../src';
import { applyDurablePragmas, createSchema } from '../src/lib/sqlite/sqlite-schema';

const SLICES = 20;
const SLICE_MS = 250;
const CONCURRENT_CALLERS = 50;
const LONG_STREAM_EVENTS = 10_000;

/** A typical engine event: an element activated in a zone approval flow. */
function typicalEvent(index: number): EventToAppend {
  return {
    id: randomUUID(),
    type: 'ElementActivated',
    data: {
      elementId: `Activity_review_${index % 17}`,
      elementType: 'userTask',
      flowScopeKey: 'Process_enterprise_registration',
      variables: { applicant: '苏州工业园区某科技有限公司', amount: 250000 + index, zone: 'SIP', urgent: index % 5 === 0 },
    },
    metadata: { correlationId: `corr-${index}`, userId: 'clerk-07', definitionVersion: 3 },
  };
}

/**
 * Raw durable single-row transactions with the store's pragmas, schema and payload, on a
 * connection of its own: the baseline the store's single appends are compared with.
 */
function openRawInserter(path: string) {
  const db = new Database(path);
  applyDurablePragmas(db);
  createSchema(db);
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const hash = 'ab'.repeat(32);
  let revision = 0;
  return {
    /** Inserts for `durationMs`; returns how many rows. */
    insertFor(durationMs: number): number {
      let count = 0;
      const started = performance.now();
      while (performance.now() - started < durationMs) {
        const event = typicalEvent(revision);
        begin.run();
        insert.run(event.id, 'case-raw', revision++, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), new Date().toISOString(), hash, hash);
        commit.run();
        count++;
      }
      return count;
    },
    close: () => db.close(),
  };
}

/** How many single-event appends `callers` concurrent callers complete in `durationMs`, each on its own stream. */
async function appendFor(store: EventStore, callers: number, durationMs: number, streamPrefix: string): Promise<number> {
  let count = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async (_, caller) => {
      const stream = `${streamPrefix}-${caller}`;
      let expected: bigint | 'any' = 'any';
      while (performance.now() - started < durationMs) {
        const result = await store.append(stream, [typicalEvent(count)], { expected });
        expected = result.nextExpectedRevision;
        count++;
      }
    }),
  );
  return count;
}

async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function drain(items: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const item of items) if (item) count++;
  return count;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const eventStoreBench: BenchSuite = {
  suite: 'event-store',
  async run() {
    const folder = mkdtempSync(join(tmpdir(), 'banjie-bench-event-store-'));
    // One file per measurement, so that one's checkpoint work never lands in another's time.
    const store = openSqliteEventStore({ path: join(folder, 'single.db') });
    const sharedStore = openSqliteEventStore({ path: join(folder, 'concurrent.db') });
    try {
      // Raw and store alternate in short slices, so that the disk's drifting fsync latency
      // (other processes share it) hits all three alike.
      const raw = openRawInserter(join(folder, 'raw.db'));
      let rawCount = 0;
      let singleCount = 0;
      let concurrentCount = 0;
      for (let slice = 0; slice < SLICES; slice++) {
        rawCount += raw.insertFor(SLICE_MS);
        singleCount += await appendFor(store, 1, SLICE_MS, `case-single-${slice}`);
        concurrentCount += await appendFor(sharedStore, CONCURRENT_CALLERS, SLICE_MS, `case-concurrent-${slice}`);
      }
      raw.close();
      const seconds = (SLICES * SLICE_MS) / 1000;
      const rawRate = rawCount / seconds;
      const singleRate = singleCount / seconds;
      const concurrentRate = concurrentCount / seconds;

      const longStream = 'case-long';
      for (let revision = 0; revision < LONG_STREAM_EVENTS; revision += 500) {
        const batch = Array.from({ length: 500 }, (_, index) => typicalEvent(revision + index));
        await store.append(longStream, batch, { expected: revision === 0 ? 'no_stream' : BigInt(revision - 1) });
      }
      const readStreamMs = median(await Promise.all([0, 1, 2].map(() => timeMs(() => drain(store.readStream(longStream))))));
      let readAllCount = 0;
      const readAllMs = await timeMs(async () => (readAllCount = await drain(store.readAll())));

      return {
        metrics: [
          { name: 'raw better-sqlite3 durable single inserts', value: Math.round(rawRate), unit: 'inserts/s' },
          { name: 'durable single appends (1 caller)', value: Math.round(singleRate), unit: 'appends/s' },
          { name: `durable appends (${CONCURRENT_CALLERS} concurrent callers)`, value: Math.round(concurrentRate), unit: 'appends/s' },
          { name: `readStream of ${LONG_STREAM_EVENTS.toLocaleString('en-US')} events`, value: Math.round(readStreamMs * 10) / 10, unit: 'ms' },
          { name: `readAll (${readAllCount.toLocaleString('en-US')} events)`, value: Math.round((readAllCount * 1000) / readAllMs), unit: 'events/s' },
        ],
        ratios: [
          { name: 'single appends / raw inserts', value: round2(singleRate / rawRate), target: 0.8 },
          { name: `${CONCURRENT_CALLERS} concurrent callers / single caller`, value: round2(concurrentRate / singleRate), target: 3 },
        ],
      };
    } finally {
      await store.close();
      await sharedStore.close();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export default eventStoreBench;
