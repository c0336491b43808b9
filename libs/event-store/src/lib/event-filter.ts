import type { EventFilter } from './port';

/** Whether an event passes a `readAll`/`subscribeToAll` filter (prefixes and types are alternatives). */
export function matchesFilter(filter: EventFilter | undefined, stream: string, type: string): boolean {
  if (!filter) return true;
  if (filter.streamPrefix && !filter.streamPrefix.some((prefix) => stream.startsWith(prefix))) return false;
  if (filter.eventTypes && !filter.eventTypes.includes(type)) return false;
  return true;
}
