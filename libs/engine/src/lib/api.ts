/**
 * The engine's public contract, shared by the api (which runs commands and stores events)
 * and the web client (which folds the same events to show live progress).
 *
 * The engine is pure: `decide` turns a command into events, `evolve` applies one event.
 * Time, ids and the working-day calendar come only from the `EngineContext`.
 */
import type { WorkingCalendar } from '@banjie/calendar';

/** One engine event before the store records it. `v` is the payload version. */
export interface EngineEvent<T extends string = string, D = Record<string, unknown>> {
  readonly type: T;
  readonly v: number;
  readonly data: D;
}

/** A validation problem, with the element it concerns when there is one. */
export interface ModelProblem {
  elementId?: string;
  elementType?: string;
  message: string;
}

export interface EngineActor {
  id: string;
  roles: readonly string[];
  groups: readonly string[];
}

export interface EngineContext {
  /** Current time, ISO-8601 with offset. The engine reads no other clock. */
  now: string;
  /** The source of every new id (element instances, tasks, timers, jobs, incidents). */
  newId: () => string;
  /** Working days of the case's zone. */
  calendar: WorkingCalendar;
  actor?: EngineActor;
  /**
   * Resolves a called process for call activities: the latest version when `version` is
   * undefined. Return `{ model, version }` (a compiled `ProcessModel` and its version number) so
   * the case stays on that version; a bare model is taken as the version asked for.
   */
  resolveModel?: (key: string, version?: number) => unknown | undefined;
}

export type Variables = Record<string, unknown>;

export type EngineCommand =
  | { type: 'StartCase'; caseId: string; definitionKey: string; version: number; zoneId: string; businessKey?: string; variables?: Variables; startEventId?: string; messageName?: string }
  | { type: 'ClaimTask'; taskId: string; userId: string }
  | { type: 'UnclaimTask'; taskId: string; userId: string }
  /** A leader hands an open task to `userId` (a colleague), claimed or not; `by` is the leader. */
  | { type: 'AssignTask'; taskId: string; userId: string; by: string }
  | { type: 'CompleteTask'; taskId: string; userId: string; variables?: Variables }
  | { type: 'CorrelateMessage'; name: string; correlationKey?: string; variables?: Variables }
  | { type: 'BroadcastSignal'; name: string; variables?: Variables }
  | { type: 'FireTimer'; timerId: string }
  | { type: 'CompleteJob'; jobId: string; variables?: Variables }
  /**
   * A worker failed a job. `retries` is what it has left (Zeebe: the worker decides, usually one
   * less; without it, one less than now); above 0 it becomes activatable again after
   * `retryBackOffMs`, at 0 an incident holds it.
   */
  | { type: 'FailJob'; jobId: string; message: string; retries?: number; retryBackOffMs?: number; /** Set local to the job's task (Zeebe: the local scope of the job's element instance). */ variables?: Variables }
  /** A worker throws a BPMN error for a job (Zeebe's ThrowError). */
  | { type: 'ThrowError'; jobId: string; errorCode: string; errorMessage?: string; variables?: Variables }
  /** Sets the retries of a job, open or held by an incident (Zeebe's UpdateJobRetries). */
  | { type: 'UpdateJobRetries'; jobId: string; retries: number }
  /**
   * Updates a job (Zeebe's job UPDATE, Camunda v2 REST `PATCH /jobs/{jobKey}`): new `retries`
   * (from 1) for an open job or one its incident holds, and a new `timeoutMs` for an activated
   * job, its deadline counted again from now. At least one of the two.
   */
  | { type: 'UpdateJob'; jobId: string; retries?: number; timeoutMs?: number }
  /** A worker takes an activatable job for `timeoutMs` (Zeebe's job activation). */
  | { type: 'ActivateJob'; jobId: string; worker: string; timeoutMs: number }
  | { type: 'SetVariables'; variables: Variables; scopeId?: string }
  /** Resolves an incident; `jobRetries` first gives a job incident's job new retries (as Operate's retry does). */
  | { type: 'ResolveIncident'; incidentId: string; jobRetries?: number }
  | { type: 'PauseClock'; reason: string }
  | { type: 'ResumeClock' }
  /** The working-day calendar changed: open deadlines not yet passed are counted again on the context's calendar. */
  | { type: 'RecomputeDeadlines'; calendarChange: { id: string; description: string } }
  | { type: 'SubmitEvaluation'; rating: number; comment?: string; userId: string }
  | { type: 'CancelCase'; reason: string; userId?: string };

/**
 * Why the engine refused a command, in the domain's words: the thing named is not there
 * (`not_found`), what the command asks happened already (`already_done`), the case's state does
 * not allow it now (`invalid_state`), the command is malformed (`invalid_input`) or its variables
 * are (`invalid_variables`), or the actor may not (`forbidden`). Only the api's exception filter
 * turns a reason into an HTTP status.
 */
export type RejectionReason = 'not_found' | 'already_done' | 'invalid_state' | 'invalid_input' | 'invalid_variables' | 'forbidden';

/** A command the case's state does not allow, with the domain reason why. */
export interface Rejection {
  code: RejectionReason;
  message: string;
  details?: { field?: string; elementId?: string; message: string }[];
}

export type Decision = { ok: true; events: EngineEvent[] } | { ok: false; rejection: Rejection };
