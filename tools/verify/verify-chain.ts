import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteEventStore, verifyHashChain, type RecordedEvent, type VerifyResult } from '@banjie/event-store';

/** The outcome of checking one stream's hash chain offline. */
export interface StreamCheck {
  stream: string;
  result: VerifyResult;
}

/** The fields of an exported case file (`导出案卷` on the case page) that the check reads. */
interface CaseFileShape {
  format?: unknown;
  stream?: unknown;
  headHash?: unknown;
  events?: unknown;
}

interface CaseFileEvent {
  revision: number;
  id?: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recordedAt: string;
  hash: string;
  prevHash: string;
}

/**
 * Checks an exported case file: re-computes every event's hash with the store's own function
 * (`canonicalEventHash` through `verifyHashChain`), that each `prevHash` is the previous hash,
 * that revisions run 0, 1, 2 … without a gap, and that the chain ends at `headHash` (the file's,
 * or `anchor`, a head hash obtained elsewhere, such as `GET /api/cases/:id/verify`).
 * Throws with a message naming the problem when the file is not a case file.
 */
export async function verifyCaseFile(text: string, anchor?: string): Promise<StreamCheck> {
  let file: CaseFileShape;
  try {
    file = JSON.parse(text) as CaseFileShape;
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`);
  }
  if (file.format !== 'banjie-case-file') throw new Error('not a Banjie case file: "format" must be "banjie-case-file"');
  if (typeof file.stream !== 'string' || !file.stream) throw new Error('the case file names no "stream"');
  if (!Array.isArray(file.events)) throw new Error('the case file has no "events" array');
  const stream = file.stream;
  const events = file.events as CaseFileEvent[];
  const missingId = events.find((event) => typeof event.id !== 'string');
  if (missingId) throw new Error(`event #${missingId.revision} has no "id" (which its hash covers): export the case file again`);
  const expectedHeadHash = anchor ?? (typeof file.headHash === 'string' ? file.headHash : undefined);
  const recorded = (async function* (): AsyncIterable<RecordedEvent> {
    for (const event of events) {
      yield { ...event, id: event.id as string, stream, revision: BigInt(event.revision), position: '' };
    }
  })();
  return { stream, result: await verifyHashChain(recorded, expectedHeadHash ? { expectedHeadHash } : {}) };
}

/**
 * Checks every stream of a SQLite store folder (`<dir>/events.sqlite`, the api's `dataDir`),
 * without the server: each stream's chain from revision 0.
 */
export async function verifyStore(dataDir: string): Promise<StreamCheck[]> {
  const path = join(dataDir, 'events.sqlite');
  if (!existsSync(path)) throw new Error(`no event store at ${path}`);
  const store = openSqliteEventStore({ path, checkpointInWorker: false });
  try {
    const streams = new Set<string>();
    for await (const event of store.readAll()) streams.add(event.stream);
    const checks: StreamCheck[] = [];
    for (const stream of [...streams].sort()) checks.push({ stream, result: await verifyHashChain(store.readStream(stream)) });
    return checks;
  } finally {
    await store.close();
  }
}

/** One line per stream: 完整 intact with its events and head hash, or 断链 broken at the first bad revision and why. */
export function describeCheck({ stream, result }: StreamCheck): string {
  return result.valid
    ? `完整 intact  ${stream}: ${result.events} events, head hash ${result.headHash}`
    : `断链 BROKEN  ${stream}: at revision ${result.brokenAt} (${result.reason})`;
}
