import type { EngineEventData, EventType } from '../events/engine-events';
import type { CaseState } from '../state/case-state';

/** A pure state transition for one event type and version. */
export type Applier<K extends EventType> = (state: CaseState, data: EngineEventData[K]) => CaseState;

/** Appliers of one event type, by payload version. Old versions stay; new ones are added. */
export type VersionedAppliers<K extends EventType> = Readonly<Record<number, Applier<K>>>;

/** A copy of a list without the items that match (the same list when none does). */
export function removeWhere<T>(list: readonly T[], matches: (item: T) => boolean): readonly T[] {
  const index = list.findIndex(matches);
  if (index < 0) return list;
  const copy = list.slice(0, index);
  for (let i = index + 1; i < list.length; i++) if (!matches(list[i])) copy.push(list[i]);
  return copy;
}

/** A copy of a list with the first matching item replaced (the same list when none matches). */
export function replaceWhere<T>(list: readonly T[], matches: (item: T) => boolean, replace: (item: T) => T): readonly T[] {
  const index = list.findIndex(matches);
  if (index < 0) return list;
  const copy = list.slice();
  copy[index] = replace(list[index]);
  return copy;
}

/** A copy of a list with an item replaced where it matches, or added at the end. */
export function upsertWhere<T>(list: readonly T[], matches: (item: T) => boolean, item: T): readonly T[] {
  const index = list.findIndex(matches);
  if (index < 0) return [...list, item];
  const copy = list.slice();
  copy[index] = item;
  return copy;
}
