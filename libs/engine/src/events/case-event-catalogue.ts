import type { CaseEvent, EngineEventData, EventType } from './engine-events';

/**
 * The catalogue of recorded case events: which types exist, how a recorded event is decoded into
 * the typed union, how case streams are named, and the registries through which every consumer
 * (read models, workers, live streams, the browser) handles events by type. The engine, the api
 * and the web all import it, so a renamed field fails to compile wherever it is read.
 */

/** Every case event type, as recorded in a `case-<id>` stream. */
export type CaseEventType = EventType;

/** The payload of a case event of type `K`. */
export type CaseEventData<K extends CaseEventType = CaseEventType> = EngineEventData[K];

/**
 * The text fields that identify what each event is about (its task, timer, job, …), by type: the
 * minimal shape `decodeCaseEvent` checks. Complete by construction: a new event type does not
 * compile until it is listed, and a renamed field does not compile until it is renamed here.
 */
const REQUIRED_TEXT = {
  CaseStarted: ['caseId', 'definitionKey'],
  ElementActivated: ['elementInstanceId', 'elementId'],
  CalledProcessStarted: ['elementInstanceId'],
  ElementCompleted: ['elementInstanceId'],
  ElementTerminated: ['elementInstanceId'],
  SequenceFlowTaken: ['flowId'],
  VariablesSet: [],
  TaskCreated: ['taskId'],
  TaskClaimed: ['taskId', 'userId'],
  TaskUnclaimed: ['taskId'],
  TaskCompleted: ['taskId'],
  TaskCancelled: ['taskId'],
  TimerScheduled: ['timerId', 'dueAt'],
  TimerFired: ['timerId'],
  TimerCancelled: ['timerId'],
  MessageSubscriptionOpened: ['subscriptionId', 'messageName'],
  MessageSubscriptionClosed: ['subscriptionId'],
  MessageCorrelated: ['messageName'],
  MessageSent: ['messageName'],
  SignalSubscriptionOpened: ['subscriptionId', 'signalName'],
  SignalSubscriptionClosed: ['subscriptionId'],
  SignalThrown: ['signalName'],
  JobCreated: ['jobId', 'jobType'],
  JobCompleted: ['jobId'],
  JobCancelled: ['jobId'],
  LoopCollectionResolved: ['elementInstanceId'],
  JobFailed: ['jobId'],
  JobActivated: ['jobId'],
  JobTimedOut: ['jobId'],
  JobRetrying: ['jobId'],
  JobRetriesUpdated: ['jobId'],
  JobTimeoutUpdated: ['jobId', 'deadline'],
  JobErrorThrown: ['jobId'],
  DeadlineSet: ['elementInstanceId', 'dueAt'],
  DeadlineWarned: ['elementInstanceId', 'level'],
  DeadlineCleared: ['elementInstanceId'],
  ClockPaused: [],
  ClockResumed: [],
  CompensationSubscribed: ['subscriptionId', 'activityId', 'activityInstanceId', 'scopeId'],
  CompensationTriggered: ['subscriptionId', 'throwEventInstanceId'],
  CompensationCompleted: ['subscriptionId'],
  CompensationDeleted: ['subscriptionId'],
  IncidentRaised: ['incidentId'],
  IncidentResolved: ['incidentId'],
  EvaluationSubmitted: [],
  CaseCompleted: ['endedAt'],
  CaseCancelled: ['endedAt'],
  CaseTerminated: ['endedAt'],
} as const satisfies { readonly [K in CaseEventType]: readonly TextFieldOf<EngineEventData[K]>[] };

/** The fields of a payload whose value is a string (required or optional). */
type TextFieldOf<D> = { [F in keyof D]-?: NonNullable<D[F]> extends string ? F : never }[keyof D];

/** Every case event type, in the catalogue's order. */
export const CASE_EVENT_TYPES = Object.keys(REQUIRED_TEXT) as readonly CaseEventType[];

const KNOWN: ReadonlySet<string> = new Set(CASE_EVENT_TYPES);

/** Whether `type` names a case event of the catalogue. */
export function isCaseEventType(type: string): type is CaseEventType {
  return KNOWN.has(type);
}

/** A recorded event whose type is a case event but whose payload lacks what that type carries. */
export class MalformedCaseEventError extends Error {
  override readonly name = 'MalformedCaseEventError';
}

/** What the catalogue needs of a recorded event: its type, its payload and (optionally) its payload version. */
export interface RecordedCaseEventLike {
  readonly type: string;
  readonly data: unknown;
  readonly v?: number;
}

/**
 * The typed case event of a recorded one: undefined when its type is not a case event (a
 * definition, calendar or user event), and a `MalformedCaseEventError` naming the type and field
 * when a payload lacks a field its type must carry.
 */
export function decodeCaseEvent(recorded: RecordedCaseEventLike): CaseEvent | undefined {
  if (!isCaseEventType(recorded.type)) return undefined;
  const data = recorded.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new MalformedCaseEventError(`${recorded.type}: the payload is not an object`);
  }
  const fields = data as Record<string, unknown>;
  for (const field of REQUIRED_TEXT[recorded.type] as readonly string[]) {
    if (typeof fields[field] !== 'string') throw new MalformedCaseEventError(`${recorded.type}: "${field}" must be a string`);
  }
  return { type: recorded.type, v: recorded.v ?? 1, data } as CaseEvent;
}

/** Handlers of some case event types, each given its typed payload and `input` (the recorded event, a database, …). */
export type CaseEventHandlers<I, R = void> = { readonly [K in CaseEventType]?: (data: EngineEventData[K], input: I) => R };

/** Handlers of every case event type: the compiler refuses a registry that misses one. */
export type CompleteCaseEventHandlers<I, R = void> = { readonly [K in CaseEventType]: (data: EngineEventData[K], input: I) => R };

/**
 * Runs the handler of `event`'s type, if the registry has one, and returns what it returned
 * (undefined when the registry does not handle the type).
 */
export function handleCaseEvent<I, R>(handlers: CaseEventHandlers<I, R>, event: CaseEvent, input: I): R | undefined {
  const handler = handlers[event.type] as ((data: CaseEvent['data'], input: I) => R) | undefined;
  return handler?.(event.data, input);
}

/** The types a registry handles (for store filters that read only those). */
export function handledTypes(handlers: CaseEventHandlers<never, unknown>): CaseEventType[] {
  return CASE_EVENT_TYPES.filter((type) => handlers[type] !== undefined);
}

/** Every case stream's name starts with this (a store filter follows them all with it). */
export const CASE_STREAM_PREFIX = 'case-';

/** The stream holding every event of one case. */
export function caseStreamName(caseId: string): string {
  return `${CASE_STREAM_PREFIX}${caseId}`;
}

/** The case id of a case stream's name, or undefined for any other stream. */
export function caseIdOfStream(stream: string): string | undefined {
  return stream.startsWith(CASE_STREAM_PREFIX) ? stream.slice(CASE_STREAM_PREFIX.length) : undefined;
}
