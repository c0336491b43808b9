import type { EngineEvent, Variables } from '../lib/api';
import type { ModelRef, RetryStep, TimerPurpose, WarningLevel } from '../state/case-state';

/**
 * The payload of every engine event, by type (all at version 1). The api's projections, timer
 * scheduler and message correlation read these names and fields: add, never rename.
 */
export interface EngineEventData {
  CaseStarted: { caseId: string; definitionKey: string; version: number; zoneId: string; businessKey: string; variables: Variables; startedAt: string };
  ElementActivated: {
    elementInstanceId: string;
    elementId: string;
    elementType: string;
    scopeId?: string;
    at: string;
    model?: ModelRef;
    loopCounter?: number;
    /** Joining gateways: the waiting arrivals this activation consumes. */
    consumedFlows?: string[];
  };
  /** A call activity resolved the process it runs (key and version), run as its child scope. */
  CalledProcessStarted: { elementInstanceId: string; processId: string; version: number };
  ElementCompleted: { elementInstanceId: string; elementId: string; at: string };
  ElementTerminated: { elementInstanceId: string; elementId: string; at: string };
  SequenceFlowTaken: { flowId: string; at: string; scopeId?: string; targetId?: string; /** The target is a join that waits. */ joins?: boolean };
  VariablesSet: { scopeId?: string; variables: Variables };
  TaskCreated: {
    taskId: string;
    elementId: string;
    elementInstanceId: string;
    name: string;
    assignee?: string;
    candidateGroups: string[];
    candidateUsers: string[];
    formId?: string;
    createdAt: string;
    dueAt?: string;
    limitWorkingDays?: number;
  };
  /** The task is now `userId`'s: claimed by that user, or assigned by another (`by`, a leader; `previousAssignee` when it was claimed). */
  TaskClaimed: { taskId: string; userId: string; at: string; by?: string; previousAssignee?: string };
  TaskUnclaimed: { taskId: string; userId: string; at: string };
  TaskCompleted: { taskId: string; userId: string; variables: Variables; at: string };
  TaskCancelled: { taskId: string; at: string };
  TimerScheduled: { timerId: string; elementId: string; dueAt: string; purpose: TimerPurpose; elementInstanceId?: string; repetitions?: number; interval?: string };
  TimerFired: { timerId: string; at: string };
  TimerCancelled: { timerId: string };
  MessageSubscriptionOpened: { subscriptionId: string; messageName: string; correlationKey: string; elementId: string; elementInstanceId: string };
  MessageSubscriptionClosed: { subscriptionId: string };
  MessageCorrelated: { subscriptionId?: string; messageName: string; correlationKey: string; elementId: string; variables: Variables };
  /** A send task, message throw or message end event sent a message. The engine only records it; a reader of the events delivers it. */
  MessageSent: { messageName: string; correlationKey: string; elementId: string; variables: Variables; at: string };
  SignalSubscriptionOpened: { subscriptionId: string; signalName: string; elementId: string; elementInstanceId: string };
  SignalSubscriptionClosed: { subscriptionId: string };
  /** A signal throw event broadcast a signal. The engine only records it (and its own case catches it); a reader of the events forwards it. */
  SignalThrown: { signalName: string; elementId: string; variables: Variables; at: string };
  JobCreated: { jobId: string; jobType: string; elementId: string; elementInstanceId: string; variables: Variables; retries?: number };
  JobCompleted: { jobId: string; variables: Variables };
  /** The job's element was interrupted or cancelled: no worker may complete it any more. */
  JobCancelled: { jobId: string };
  /** A multi-instance activity evaluated its input collection: one inner instance per item. */
  LoopCollectionResolved: { elementInstanceId: string; items: unknown[] };
  JobFailed: { jobId: string; message: string };
  /** A worker took the job (Zeebe's job ACTIVATED): it is leased to `worker` until `deadline`, with the variables it sees. */
  JobActivated: { jobId: string; worker: string; deadline: string; variables: Variables; retries: number; at: string };
  /** The lease of an activated job ran out before it was completed: the job is activatable again (Zeebe's TIMED_OUT). */
  JobTimedOut: { jobId: string; at: string };
  /** A worker failed the job with retries left (Zeebe's FAILED with retries > 0): activatable again from `retryAt`, or at once. */
  JobRetrying: { jobId: string; message: string; retries: number; retryAt?: string; at: string };
  /** The retries of a job (open, or held by its incident) were set (Zeebe's RETRIES_UPDATED). */
  JobRetriesUpdated: { jobId: string; retries: number };
  /** The timeout of an activated job was set again: it stays with its worker until `deadline` (Zeebe's TIMEOUT_UPDATED). */
  JobTimeoutUpdated: { jobId: string; deadline: string };
  /** A worker threw a BPMN error for the job (Zeebe's ERROR_THROWN): the job ends; a catch event takes it, or an incident holds it. */
  JobErrorThrown: { jobId: string; errorCode: string; errorMessage?: string; variables: Variables; at: string };
  DeadlineSet: {
    elementInstanceId: string;
    elementId: string;
    taskId?: string;
    limitWorkingDays: number;
    startedAt: string;
    yellowAt: string;
    dueAt: string;
    /** Working days added by pauses of the legal clock. */
    extendedWorkingDays?: number;
    /** The deadline was counted again because the working-day calendar changed (a notice or a zone override was loaded). */
    calendarChange?: CalendarChangeRef;
  };
  DeadlineWarned: { elementInstanceId: string; elementId: string; taskId?: string; level: Exclude<WarningLevel, 'none'>; at: string };
  DeadlineCleared: { elementInstanceId: string };
  ClockPaused: { at: string; reason: string; elementInstanceId?: string };
  ClockResumed: { at: string; pausedWorkingDays: number };
  /** A completed activity can be compensated (Zeebe's compensation subscription CREATED). */
  CompensationSubscribed: { subscriptionId: string; activityId: string; activityInstanceId: string; scopeId: string; handlerId?: string; model?: ModelRef };
  /** A compensation throw or end event triggered the subscription; its handler runs as `handlerInstanceId` (Zeebe's TRIGGERED). */
  CompensationTriggered: { subscriptionId: string; throwEventId: string; throwEventInstanceId: string; handlerInstanceId?: string };
  /** The subscription's handler, and everything compensated inside it, completed (Zeebe's COMPLETED). */
  CompensationCompleted: { subscriptionId: string };
  /** The scope the activity completed in was terminated: it is no longer compensated (Zeebe's DELETED). */
  CompensationDeleted: { subscriptionId: string };
  IncidentRaised: { incidentId: string; elementId: string; elementInstanceId: string; message: string; retry: RetryStep; jobId?: string; /** A job incident: the retries its job keeps (0 after a last failure). */ jobRetries?: number };
  IncidentResolved: { incidentId: string };
  EvaluationSubmitted: { rating: number; comment?: string; userId: string; at: string };
  CaseCompleted: { endedAt: string };
  CaseCancelled: { reason: string; endedAt: string };
  CaseTerminated: { endedAt: string };
}

/** The calendar change that made a case count its deadlines again: the id of the calendar event and what it did. */
export interface CalendarChangeRef {
  id: string;
  description: string;
}

/** Every engine event type. */
export type EventType = keyof EngineEventData;

/** An engine event of one type. */
export type CaseEvent<K extends EventType = EventType> = { [T in K]: EngineEvent<T, EngineEventData[T]> }[K];

/** Builds a version-1 event. */
export function event<K extends EventType>(type: K, data: EngineEventData[K]): CaseEvent<K> {
  return { type, v: 1, data } as CaseEvent<K>;
}
