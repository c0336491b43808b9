import { caseIdOfStream, caseStreamName, decodeCaseEvent, type EngineEvent } from '@banjie/engine';
import type { EventToAppend, RecordedEvent } from '@banjie/event-store';

/** Name of the stream holding every event of one case (the catalogue's `caseStreamName`). */
export const caseStream = caseStreamName;

export { caseIdOfStream };

/**
 * The engine's view of a recorded event, decoded by the catalogue: the payload version travels in
 * the metadata as `v`. A type the catalogue does not know passes on for `evolve` to refuse by name.
 */
export function toEngineEvent(recorded: RecordedEvent): EngineEvent {
  const metadataV = recorded.metadata['v'];
  const v = typeof metadataV === 'number' ? metadataV : 1;
  return decodeCaseEvent({ type: recorded.type, data: recorded.data, v }) ?? { type: recorded.type, v, data: {} };
}

/**
 * A command's engine events as the store takes them, each with its id, the command's metadata
 * and its payload version. Events of one version share one metadata object, which the store
 * encodes once per append.
 */
export function toEventsToAppend(events: EngineEvent[], newId: () => string, metadata: Record<string, unknown>): EventToAppend[] {
  const byVersion = new Map<number, Record<string, unknown>>();
  return events.map((event) => {
    let versioned = byVersion.get(event.v);
    if (!versioned) byVersion.set(event.v, (versioned = { ...metadata, v: event.v }));
    return { id: newId(), type: event.type, data: event.data, metadata: versioned };
  });
}
