import type { CaseEventView } from '@banjie/contracts';
import type { RecordedEvent } from '@banjie/event-store';

/** A recorded case event as `/events` and the live streams show it. */
export function toCaseEventView(event: RecordedEvent): CaseEventView {
  return {
    revision: Number(event.revision),
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt,
    hash: event.hash,
    prevHash: event.prevHash,
  };
}
