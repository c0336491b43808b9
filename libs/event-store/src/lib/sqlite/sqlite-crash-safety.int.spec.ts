import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { collect } from '../../testing';
import type { EventStore } from '../port';
import { openSqliteEventStore } from './sqlite-event-store';

const WORKSPACE_ROOT = resolve(__dirname, '../../../../..');
const WRITER = join(__dirname, 'fixtures', 'append-until-killed.ts');
const BATCH_SIZE = 3;

interface Acknowledged {
  stream: string;
  nextExpectedRevision: bigint;
  ids: string[];
}

describe('sqlite event store after a SIGKILL', () => {
  let folder: string;
  let store: EventStore | undefined;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'banjie-sqlite-crash-'));
  });

  afterEach(async () => {
    await store?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps every acknowledged append, with contiguous revisions and no partial batch', async () => {
    // given
    const path = join(folder, 'events.db');
    const acknowledged = await runWriterUntilKilled(path, 300);
    // when
    store = openSqliteEventStore({ path });
    // then
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
    const streams = [...new Set(acknowledged.map((ack) => ack.stream))];
    for (const stream of streams) {
      const events = await collect(store.readStream(stream));
      const revisions = events.map((event) => event.revision);
      expect(revisions).toEqual(events.map((_, index) => BigInt(index)));
      expect(events.length % BATCH_SIZE).toBe(0);
      expect(await store.verify(stream)).toMatchObject({ valid: true, events: events.length });
      const stored = new Map(events.map((event) => [event.id, event.revision]));
      for (const ack of acknowledged.filter((one) => one.stream === stream)) {
        const firstRevision = ack.nextExpectedRevision - BigInt(BATCH_SIZE - 1);
        expect(ack.ids.map((id) => stored.get(id))).toEqual(ack.ids.map((_, index) => firstRevision + BigInt(index)));
      }
    }
  }, 60_000);
});

/** Starts the writer, waits for `atLeast` acknowledgements, kills it with SIGKILL, returns what it acknowledged. */
function runWriterUntilKilled(path: string, atLeast: number): Promise<Acknowledged[]> {
  return new Promise((resolvePromise, reject) => {
    const writer = spawn(process.execPath, ['--import', 'tsx', WRITER, path], { cwd: WORKSPACE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: Acknowledged[] = [];
    let pending = '';
    let errors = '';
    writer.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) acknowledged.push(parseAck(line));
      if (acknowledged.length >= atLeast && writer.exitCode === null && !writer.killed) writer.kill('SIGKILL');
    });
    writer.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    writer.on('error', reject);
    writer.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolvePromise(acknowledged);
      else reject(new Error(`writer stopped by itself (${errors || 'no output'})`));
    });
  });
}

function parseAck(line: string): Acknowledged {
  const [, stream, revision, ids] = line.split(' ');
  return { stream, nextExpectedRevision: BigInt(revision), ids: ids.split(',') };
}
