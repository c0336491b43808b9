import type { AllStreamResolvedEvent, JSONEventData, Position, ResolvedEvent } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../port';
import type { PreparedEvent } from '../prepared-append';
import { formatPosition } from './kurrentdb-position';

/**
 * What the adapter stores in KurrentDB event metadata: the caller's metadata plus the fields the
 * port adds (time, hash chain). Data that is not a JSON object or array is wrapped in `{ value }`,
 * because KurrentDB's JSON events carry objects or arrays.
 */
export interface BanjieEnvelope {
  banjie: 1;
  metadata: Record<string, unknown>;
  recordedAt: string;
  prevHash: string;
  hash: string;
  wrapped?: true;
}

/** The chain fields an event gets when appended. */
export interface ChainFields {
  recordedAt: string;
  prevHash: string;
  hash: string;
}

/** A prepared event as KurrentDB JSON event data. */
export function toEventData(event: PreparedEvent, chain: ChainFields): JSONEventData {
  const wrapped = event.data === null || typeof event.data !== 'object';
  const envelope: BanjieEnvelope = { banjie: 1, metadata: event.metadata, ...chain, ...(wrapped ? { wrapped: true } : {}) };
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: (wrapped ? { value: event.data } : event.data) as Record<string, unknown>,
    metadata: envelope as unknown as Record<string, unknown>,
  };
}

/**
 * A KurrentDB event as the port's recorded event, or undefined for what the port never shows:
 * system events, links and binary events. Events written by other tools (without the envelope)
 * keep KurrentDB's creation time and an empty hash, so `verify` reports them.
 */
export function fromResolvedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson || event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
  const envelope = isEnvelope(event.metadata) ? event.metadata : undefined;
  const position = positionOf(resolved);
  return {
    id: event.id,
    stream: event.streamId,
    revision: event.revision,
    position: position ? formatPosition(position) : '',
    type: event.type,
    data: envelope?.wrapped ? (event.data as { value: unknown }).value : event.data,
    metadata: envelope ? envelope.metadata : isRecord(event.metadata) ? event.metadata : {},
    recordedAt: envelope?.recordedAt ?? event.created.toISOString(),
    prevHash: envelope?.prevHash ?? '',
    hash: envelope?.hash ?? '',
  };
}

/**
 * KurrentDB's sentinel for "no `$all` position": reading a stream (from the index, not the log)
 * gives events a commit position of 2^64 − 1 (kurrent-io/EventStore-Client-Go#88).
 */
const NO_POSITION = 2n ** 64n - 1n;

/** The `$all` position of a read event, or undefined when the server did not give a real one. */
export function positionOf(resolved: ResolvedEvent | AllStreamResolvedEvent): Position | undefined {
  const position = resolved.event?.position ?? (resolved.commitPosition !== undefined ? { commit: resolved.commitPosition, prepare: resolved.commitPosition } : undefined);
  return position && position.commit !== NO_POSITION ? position : undefined;
}

function isEnvelope(metadata: unknown): metadata is BanjieEnvelope {
  return isRecord(metadata) && metadata['banjie'] === 1 && typeof metadata['hash'] === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}
