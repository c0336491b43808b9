import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { RecordedEvent, VerifyResult } from './port';

/** The immutable fields of an event that its hash covers. */
export interface HashedEventFields {
  prevHash: string;
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recordedAt: string;
}

/** The `prevHash` of the first event of every stream. */
export const GENESIS_HASH = '';

/**
 * The tamper-evidence hash of one event: SHA-256 (hex) over the RFC 8785 canonical JSON of the
 * previous hash and the event's immutable fields. The revision is encoded as a decimal string
 * because JSON has no bigint.
 */
export function canonicalEventHash(fields: HashedEventFields): string {
  const canonical = canonicalize({
    prevHash: fields.prevHash,
    stream: fields.stream,
    revision: fields.revision.toString(),
    id: fields.id,
    type: fields.type,
    data: fields.data,
    metadata: fields.metadata,
    recordedAt: fields.recordedAt,
  });
  return sha256Hex(canonical ?? '');
}

/**
 * The same hash as `canonicalEventHash`, from data and metadata that are already canonical JSON
 * text (as the adapters store them): only the top-level object is assembled here, with its keys
 * in the RFC 8785 order, so the payload is not canonicalized twice on the write path.
 */
export function canonicalEventHashOfParts(fields: Omit<HashedEventFields, 'data' | 'metadata'>, dataJson: string, metadataJson: string): string {
  const text =
    `{"data":${dataJson},"id":${JSON.stringify(fields.id)},"metadata":${metadataJson},` +
    `"prevHash":${JSON.stringify(fields.prevHash)},"recordedAt":${JSON.stringify(fields.recordedAt)},` +
    `"revision":"${fields.revision}","stream":${JSON.stringify(fields.stream)},"type":${JSON.stringify(fields.type)}}`;
  return sha256Hex(text);
}

/** One-shot `crypto.hash` (Node ≥ 20.12): the same digest as `createHash`, without a Hash object per event. */
function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * Recomputes a stream's hash chain from its events, read forwards from revision 0.
 *
 * With `expectedHeadHash` (a head anchored outside the store), the chain must contain that hash:
 * deleting the newest events, or rewriting the chain with fresh hashes, then no longer matches.
 */
export async function verifyHashChain(
  events: AsyncIterable<RecordedEvent>,
  options: { expectedHeadHash?: string } = {},
): Promise<VerifyResult> {
  let previousHash = GENESIS_HASH;
  let expectedRevision = 0n;
  let anchorSeen = options.expectedHeadHash === undefined;
  for await (const event of events) {
    const broken = findBreak(event, expectedRevision, previousHash);
    if (broken) return { valid: false, events: Number(expectedRevision), brokenAt: expectedRevision, reason: broken };
    if (event.hash === options.expectedHeadHash) anchorSeen = true;
    previousHash = event.hash;
    expectedRevision += 1n;
  }
  if (!anchorSeen) {
    return {
      valid: false,
      events: Number(expectedRevision),
      brokenAt: expectedRevision,
      reason: 'the anchored head hash is not in the chain: newest events are missing or the chain was rewritten',
    };
  }
  return { valid: true, events: Number(expectedRevision), headHash: previousHash };
}

function findBreak(event: RecordedEvent, expectedRevision: bigint, previousHash: string): string | undefined {
  if (event.revision !== expectedRevision) return `revision ${expectedRevision} is missing (found ${event.revision})`;
  if (event.prevHash !== previousHash) return 'prevHash does not match the hash of the previous event';
  if (canonicalEventHash(event) !== event.hash) return 'hash does not match the event content';
  return undefined;
}
