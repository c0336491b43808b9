/**
 * Event-store figures of issue 3, measured in one run on the real disk: the SQLite adapter
 * against raw better-sqlite3 inserts with the same pragmas, schema and payloads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSuite } from '@banjie/bench';
import { openSqliteEventStore } from '../src';
import { appendFor, openRawInserter, typicalEvent } from './append-rates';

const SLICES = 20;
const SLICE_MS = 250;
const CONCURRENT_CALLERS = 50;
const LONG_STREAM_EVENTS = 10_000;

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
