import { orderedUuid } from './ordered-uuid';
import canonicalize from 'canonicalize';
import { AppendTooLargeError, InvalidAppendError } from './errors';
import type { EventToAppend } from './port';

/** Default limit on the encoded size of one appended batch: 1 MiB. */
export const DEFAULT_MAX_APPEND_BYTES = 1024 * 1024;

/** One event of a validated batch, with its id assigned and its JSON fixed as it will be stored. */
export interface PreparedEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  /** `data` and `metadata` as stored: canonical (RFC 8785) JSON text, which the hash covers as is. */
  dataJson: string;
  metadataJson: string;
}

/**
 * Checks a batch before it reaches storage and fixes its JSON form, so that what is hashed is
 * exactly what is stored and read back. Every adapter refuses the same requests the same way.
 */
export function prepareAppend(stream: string, events: EventToAppend[], maxAppendBytes: number): PreparedEvent[] {
  assertName('stream name', stream);
  if (!Array.isArray(events) || events.length === 0) throw new InvalidAppendError(`Append to ${stream} has no events`);
  const seenIds = new Set<string>();
  // The events of one command usually share one metadata object: it is encoded once per batch.
  const metadataTexts = new Map<unknown, string>();
  let size = 0;
  const prepared = events.map((event) => {
    const one = prepareEvent(stream, event, metadataTexts);
    if (seenIds.has(one.id)) throw new InvalidAppendError(`Event id ${one.id} appears twice in one append to ${stream}`);
    seenIds.add(one.id);
    size += Buffer.byteLength(one.id) + Buffer.byteLength(one.type) + Buffer.byteLength(one.dataJson) + Buffer.byteLength(one.metadataJson);
    return one;
  });
  if (size > maxAppendBytes) throw new AppendTooLargeError(stream, size, maxAppendBytes);
  return prepared;
}

function prepareEvent(stream: string, event: EventToAppend, metadataTexts: Map<unknown, string>): PreparedEvent {
  assertName('event type', event?.type);
  const id = event.id ?? orderedUuid();
  if (typeof id !== 'string' || id.length === 0) throw new InvalidAppendError(`Event ids must be non-empty strings (stream ${stream})`);
  const metadata: unknown = event.metadata ?? {};
  const [data, dataJson] = event.encoded ? [event.encoded.data, event.encoded.dataJson] : toCanonicalJson(stream, event.data === undefined ? null : event.data);
  const [normalizedMetadata, metadataJson] = toCanonicalJson(stream, metadata, metadataTexts);
  if (normalizedMetadata === null || typeof normalizedMetadata !== 'object' || Array.isArray(normalizedMetadata)) {
    throw new InvalidAppendError(`Event metadata must be a JSON object (stream ${stream})`);
  }
  return { id, type: event.type, data, metadata: normalizedMetadata as Record<string, unknown>, dataJson, metadataJson };
}

function assertName(what: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0) throw new InvalidAppendError(`The ${what} must be a non-empty string`);
  if (name.startsWith('$')) throw new InvalidAppendError(`The ${what} "${name}" starts with "$", which is reserved for the store`);
}

/**
 * The value as canonical JSON text, and as read back from that text (what every reader will see).
 * With `texts`, an object already encoded in this batch reuses its text; each event still gets
 * its own parsed copy, so no two events share one object.
 */
function toCanonicalJson(stream: string, value: unknown, texts?: Map<unknown, string>): [unknown, string] {
  try {
    const json = texts?.get(value) ?? canonicalize(value);
    if (json === undefined) throw new TypeError('not representable as JSON');
    texts?.set(value, json);
    // Parsing back proves the text is JSON (a nested function would not be) and fixes what is read.
    return [JSON.parse(json), json];
  } catch (error) {
    throw new InvalidAppendError(`Event payload for ${stream} is not JSON: ${(error as Error).message}`);
  }
}
