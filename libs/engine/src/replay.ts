/**
 * The engine's replay, for the browser: fold recorded events into a case state and read it as the
 * api's case view. No compiler, no FEEL, no commands: the web imports only this entry point
 * (`@banjie/engine/replay`), so its bundle stays small and its stricter compiler settings apply.
 */
export { evolve, fold } from './evolve';
export { toCaseView, type CaseViewCore } from './case-view';
export { initialCaseState, type CaseState } from './state/case-state';
export type { EngineEvent } from './lib/api';
export type { CaseEvent, EngineEventData, EventType } from './events/engine-events';
export * from './events/case-event-catalogue';
