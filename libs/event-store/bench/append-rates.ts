/**
 * Append-rate probes shared by the benches (`@banjie/event-store/bench`): the event-store
 * suite and the api suite, which compares its completions/s with the store's single append rate
 * measured in the same run.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { EventStore, EventToAppend } from '../src';
import { applyDurablePragmas, createSchema } from '../src/lib/sqlite/sqlite-schema';

/** A typical engine event: an element activated in a zone approval flow. */
export function typicalEvent(index: number): EventToAppend {
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
export function openRawInserter(path: string) {
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
export async function appendFor(store: EventStore, callers: number, durationMs: number, streamPrefix: string): Promise<number> {
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
