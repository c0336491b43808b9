import type { EngineEvent } from '@banjie/engine';
import type { EventToAppend, RecordedEvent } from '@banjie/event-store';

/** Name of the stream holding every event of one case. */
export function caseStream(caseId: string): string {
  return `case-${caseId}`;
}

/** The case id of a `case-<id>` stream, or undefined for other streams. */
export function caseIdOfStream(stream: string): string | undefined {
  return stream.startsWith('case-') ? stream.slice('case-'.length) : undefined;
}

/** The engine's view of a recorded event: the payload version travels in the metadata as `v`. */
export function toEngineEvent(recorded: RecordedEvent): EngineEvent {
  const v = typeof recorded.metadata['v'] === 'number' ? (recorded.metadata['v'] as number) : 1;
  return { type: recorded.type, v, data: recorded.data as Record<string, unknown> };
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
