import { appliers } from './appliers/applier-registry';
import type { Applier } from './appliers/applier';
import type { EventType } from './events/engine-events';
import type { EngineEvent } from './lib/api';
import { initialCaseState, type CaseState } from './state/case-state';

/**
 * Applies one event to a case state and returns the new state (the old one is not changed).
 * An unknown event type or version is a programming error and throws.
 */
export function evolve(state: CaseState, event: EngineEvent): CaseState {
  const byVersion = (appliers as Record<string, Record<number, Applier<EventType>> | undefined>)[event.type];
  const applier = byVersion?.[event.v];
  if (!applier) throw new Error(`no applier for event ${event.type} v${event.v}`);
  return applier(state, event.data as never);
}

/** Folds events into a case state, from the initial state or from `from`. */
export function fold(events: Iterable<EngineEvent>, from: CaseState = initialCaseState()): CaseState {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}
