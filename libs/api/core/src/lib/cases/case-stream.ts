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

/** An engine event as the store takes it, with its metadata and payload version. */
export function toEventToAppend(event: EngineEvent, id: string, metadata: Record<string, unknown>): EventToAppend {
  return { id, type: event.type, data: event.data, metadata: { ...metadata, v: event.v } };
}
