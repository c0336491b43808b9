/**
 * What a 4.5 MiB deployment costs the api's main thread, step by step, before and after the big
 * body and the big event moved to the compile pool's worker: CPU milliseconds of this thread (not
 * wall time, which a loaded machine stretches), median of `RUNS`. A measurement for
 * docs/reliability.md, not a test:
 * `npx tsx --tsconfig apps/api/tsconfig.app.json apps/api/src/server/main-thread-steps.measure.ts`.
 */
import { canonicalEventHashOfParts, openSqliteEventStore } from '@banjie/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { encodeEventData, readJsonBody } from '../workers/compile-worker';
import { canonicalCopy } from './off-thread-appends';

const RUNS = 5;
const MODEL_BYTES = 4.5 * 1024 * 1024;

function cpuMs(step: () => unknown): number {
  const start = process.cpuUsage();
  step();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * A value through a message port into this thread: CPU ms of sending (`postMessage` serialises at
 * once) and of receiving (deserialising), the two halves a worker hop costs the sending and the
 * receiving thread.
 */
async function hop(value: unknown): Promise<{ send: number; receive: number }> {
  const { port1, port2 } = new MessageChannel();
  let receive = 0;
  const received = new Promise<void>((resolve) => port2.once('message', () => resolve()));
  const send = cpuMs(() => port1.postMessage(value));
  receive = await cpuMsAsync(() => received);
  port1.close();
  return { send, receive };
}

async function cpuMsAsync(step: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  await step();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A text of BPMN user tasks of about `bytes`, with Chinese names as the zones write them. */
function modelText(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 1; size < bytes; i++) {
    const task = `<bpmn:userTask id="Task_${i}" name="审查材料 review step ${i}"><bpmn:documentation>窗口人员核对申请材料 step ${i}</bpmn:documentation></bpmn:userTask>\n`;
    parts.push(task);
    size += Buffer.byteLength(task);
  }
  return `<bpmn:definitions>${parts.join('')}</bpmn:definitions>`;
}

async function main(): Promise<void> {
  const xml = modelText(MODEL_BYTES);
  const body = JSON.stringify({ xml });
  const record = { key: 'big', version: 1, name: 'big', hash: 'f'.repeat(64), zoneId: 'lf', xml, forms: {}, warnings: [], deployedAt: new Date().toISOString(), deployedBy: 'lf-designer', messageStartNames: [] };
  const dir = mkdtempSync(join(tmpdir(), 'banjie-steps-'));
  const store = openSqliteEventStore({ path: join(dir, 'events.db'), maxAppendBytes: 16 * 1024 * 1024 });
  const figures: Record<string, number[]> = {};
  const note = (name: string, ms: number) => (figures[name] ??= []).push(ms);
  for (let run = 0; run < RUNS; run++) {
    // before: all of it on the main thread
    note('before: body limits scan + JSON.parse', cpuMs(() => readJsonBody(body)));
    let dataJson = '';
    note('before: canonical JSON of the event + parse back', cpuMs(() => JSON.parse((dataJson = encodeEventData(record)))));
    const encoded = { dataJson, data: canonicalCopy(record) };
    // after: what the main thread still does for the same work, the structured clones to and from the worker
    const value = readJsonBody(body);
    note('after: body text sent to the worker (serialise)', (await hop(body)).send);
    note('after: parsed body received from the worker (deserialise)', (await hop(value)).receive);
    note('after: event data sent to the worker (serialise)', (await hop(record)).send);
    note('after: canonical text received from the worker (deserialise)', (await hop(dataJson)).receive);
    note('after: the parsed form from the data (canonicalCopy)', cpuMs(() => canonicalCopy(record)));
    // both: the hash chain's SHA-256 and the SQLite insert and commit
    const fields = { prevHash: '', stream: `definition-lf:big-${run}`, revision: 0n, id: `id-${run}`, type: 'DefinitionDeployed', recordedAt: new Date().toISOString() };
    const hashMs = cpuMs(() => canonicalEventHashOfParts(fields, dataJson, '{"v":1}'));
    note('both: SHA-256 of the event for the hash chain', hashMs);
    const appendMs = await cpuMsAsync(() => store.append(`definition-lf:big-${run}`, [{ type: 'DefinitionDeployed', data: record, encoded }], { expected: 'no_stream' }));
    note('both: store append of the encoded event (SHA-256 + SQLite insert + commit)', appendMs);
  }
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`main-thread CPU per 4.5 MiB deployment step, median of ${RUNS} (load average ${(await import('node:os')).loadavg()[0].toFixed(1)}):\n`);
  for (const [name, values] of Object.entries(figures)) process.stdout.write(`  ${name}: ${median(values).toFixed(1)} ms (${values.map((v) => v.toFixed(0)).join(', ')})\n`);
}

void main();
