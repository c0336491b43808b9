import { canonicalJson } from './canonical-json';
import { AppendTooLargeError, InvalidAppendError } from './errors';
import { orderedUuid } from './ordered-uuid';
import type { EventToAppend } from './port';

/** Default limit on the encoded size of one appended batch: 1 MiB. */
export const DEFAULT_MAX_APPEND_BYTES = 1024 * 1024;

/**
 * One event of a validated batch, with its id assigned and its JSON fixed as it will be stored.
 * `data` and `metadata` are that JSON as read back, parsed on first use: the SQLite adapter
 * stores and hashes the text only and never needs them.
 */
export interface PreparedEvent {
  id: string;
  type: string;
  readonly data: unknown;
  readonly metadata: Record<string, unknown>;
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
  let size = 0;
  const prepared = events.map((event) => {
    const one = prepareEvent(stream, event);
    if (seenIds.has(one.id)) throw new InvalidAppendError(`Event id ${one.id} appears twice in one append to ${stream}`);
    seenIds.add(one.id);
    size += Buffer.byteLength(one.id) + Buffer.byteLength(one.type) + Buffer.byteLength(one.dataJson) + Buffer.byteLength(one.metadataJson);
    return one;
  });
  if (size > maxAppendBytes) throw new AppendTooLargeError(stream, size, maxAppendBytes);
  return prepared;
}

function prepareEvent(stream: string, event: EventToAppend): PreparedEvent {
  assertName('event type', event?.type);
  const id = event.id ?? orderedUuid();
  if (typeof id !== 'string' || id.length === 0) throw new InvalidAppendError(`Event ids must be non-empty strings (stream ${stream})`);
  const dataJson = toCanonicalJson(stream, event.data === undefined ? null : event.data);
  const metadataJson = toCanonicalJson(stream, event.metadata ?? {});
  // Canonical JSON of an object, and only of an object, starts with "{".
  if (metadataJson.charCodeAt(0) !== 0x7b) throw new InvalidAppendError(`Event metadata must be a JSON object (stream ${stream})`);
  let data: { value: unknown } | undefined;
  let metadata: Record<string, unknown> | undefined;
  return {
    id,
    type: event.type,
    get data() {
      return (data ??= { value: JSON.parse(dataJson) }).value;
    },
    get metadata() {
      return (metadata ??= JSON.parse(metadataJson) as Record<string, unknown>);
    },
    dataJson,
    metadataJson,
  };
}

function assertName(what: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length === 0) throw new InvalidAppendError(`The ${what} must be a non-empty string`);
  if (name.startsWith('$')) throw new InvalidAppendError(`The ${what} "${name}" starts with "$", which is reserved for the store`);
}

/** The value as canonical (RFC 8785) JSON text; anything JSON cannot hold is refused. */
function toCanonicalJson(stream: string, value: unknown): string {
  try {
    return canonicalJson(value);
  } catch (error) {
    throw new InvalidAppendError(`Event payload for ${stream} is not JSON: ${(error as Error).message}`);
  }
}
