/**
 * Reading one long stream through the store port against the floor under it: the same rows read
 * with raw better-sqlite3 and `JSON.parse` of their data and metadata (issue #17: target ≤ 1.5×).
 * Both read the same file, alternately, each several times; the medians are compared.
 */
import { openSqliteEventStore, type EventToAppend } from '@banjie/event-store';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

export const LONG_STREAM_EVENTS = 10_000;
const ROUNDS = 7;
const STREAM = 'case-long-read';

export interface StreamReadFigures {
  events: number;
  /** Median milliseconds to read the stream through `EventStore.readStream`. */
  storeMs: number;
  /** Median milliseconds for `SELECT … WHERE stream = ? ORDER BY revision` + `JSON.parse` of data and metadata. */
  rawMs: number;
}

/** An event like the engine writes on a case: a task's variables, with the api's metadata. */
function caseLikeEvent(revision: number): EventToAppend {
  return {
    id: randomUUID(),
    type: revision % 3 === 0 ? 'TaskCompleted' : revision % 3 === 1 ? 'VariablesSet' : 'TaskCreated',
    data: {
      caseId: 'c-long',
      taskId: `t-${revision}`,
      elementId: 'Task_WindowCheck',
      variables: { applicantName: '晋南新材料', investment: 1200 + revision, complete: true, tier: '2' },
      at: '2026-12-04T08:00:00.000Z',
    },
    metadata: { userId: 'lf-clerk', correlationId: randomUUID(), zoneId: 'lf', causationId: randomUUID() },
  };
}

async function drainStore(read: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const event of read) if (event !== undefined) count++;
  return count;
}

/** Writes a `LONG_STREAM_EVENTS` stream into a store of its own in `dir`, then times both reads. */
export async function measureStreamRead(dir: string): Promise<StreamReadFigures> {
  const path = join(dir, 'stream-read.sqlite');
  const store = openSqliteEventStore({ path });
  const raw = new Database(path, { readonly: true });
  try {
    for (let revision = 0; revision < LONG_STREAM_EVENTS; revision += 500) {
      const batch = Array.from({ length: 500 }, (_, i) => caseLikeEvent(revision + i));
      await store.append(STREAM, batch, { expected: revision === 0 ? 'no_stream' : BigInt(revision - 1) });
    }
    const select = raw.prepare('SELECT position, id, stream, revision, type, data, metadata, recorded_at, prev_hash, hash FROM events WHERE stream = ? ORDER BY revision ASC');
    const readRaw = () => {
      let count = 0;
      for (const row of select.iterate(STREAM) as Iterable<{ data: string; metadata: string }>) {
        JSON.parse(row.data);
        JSON.parse(row.metadata);
        count++;
      }
      return count;
    };
    const storeTimes: number[] = [];
    const rawTimes: number[] = [];
    // one warm-up of each, then alternate so both see the same cache and the same machine load
    await drainStore(store.readStream(STREAM));
    readRaw();
    for (let round = 0; round < ROUNDS; round++) {
      let started = performance.now();
      const fromStore = await drainStore(store.readStream(STREAM));
      storeTimes.push(performance.now() - started);
      started = performance.now();
      const fromRaw = readRaw();
      rawTimes.push(performance.now() - started);
      if (fromStore !== LONG_STREAM_EVENTS || fromRaw !== LONG_STREAM_EVENTS) throw new Error(`read ${fromStore} and ${fromRaw} events, expected ${LONG_STREAM_EVENTS}`);
    }
    return { events: LONG_STREAM_EVENTS, storeMs: median(storeTimes), rawMs: median(rawTimes) };
  } finally {
    raw.close();
    await store.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
