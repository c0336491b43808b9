import type { Variables } from '../lib/api';

/** Where a called process's model comes from: its key and the version it was started with. */
export interface ModelRef {
  readonly key: string;
  readonly version: number;
}

/** Lifecycle of a case. `none` before `CaseStarted`. */
export type CaseStatus = 'none' | 'active' | 'completed' | 'cancelled' | 'terminated';

/** An active element instance: a token at an element, or a running scope. */
export interface ElementInstance {
  readonly id: string;
  readonly elementId: string;
  readonly elementType: string;
  /** The instance of the enclosing scope; the case id for the process level. */
  readonly scopeId: string;
  readonly since: string;
  /** Set inside a called process: the model its element ids belong to. */
  readonly model?: ModelRef;
  /** A call activity: the model of the process it runs. */
  readonly calledModel?: ModelRef;
  /** An inner instance of a multi-instance activity: its index (from 1). */
  readonly loopCounter?: number;
  /** A multi-instance body: the items to run, and how many were started and completed. */
  readonly collection?: readonly unknown[];
  readonly started?: number;
  readonly completedCount?: number;
  /** A flow node that is waiting for a job, a task, a message or a timer. */
  readonly waiting?: boolean;
}

/** An open user task. */
export interface TaskState {
  readonly taskId: string;
  readonly elementId: string;
  readonly elementInstanceId: string;
  readonly name: string;
  readonly assignee?: string;
  readonly candidateGroups: readonly string[];
  readonly candidateUsers: readonly string[];
  readonly formId?: string;
  readonly createdAt: string;
  readonly dueAt?: string;
  readonly limitWorkingDays?: number;
}

export type TimerPurpose = 'timer' | 'deadline-yellow' | 'deadline-red';

/** A scheduled timer; the api's scheduler fires it with `FireTimer` when due. */
export interface TimerState {
  readonly timerId: string;
  readonly elementId: string;
  readonly elementInstanceId?: string;
  readonly dueAt: string;
  readonly purpose: TimerPurpose;
  /** A cycle timer: repetitions left after this one (-1 = unbounded) and the ISO interval. */
  readonly repetitions?: number;
  readonly interval?: string;
}

/** An open message subscription of a catch event, receive task, boundary or event sub-process. */
export interface MessageSubscriptionState {
  readonly subscriptionId: string;
  readonly messageName: string;
  readonly correlationKey: string;
  readonly elementId: string;
  readonly elementInstanceId: string;
}

/** An open signal subscription. */
export interface SignalSubscriptionState {
  readonly subscriptionId: string;
  readonly signalName: string;
  readonly elementId: string;
  readonly elementInstanceId: string;
}

/** A job waiting for a worker (a service-like task). */
export interface JobState {
  readonly jobId: string;
  readonly jobType: string;
  readonly elementId: string;
  readonly elementInstanceId: string;
  readonly failed?: string;
  /** Retries left (`zeebe:taskDefinition retries`, 3 by default). */
  readonly retries: number;
  /** After a failure with back-off: the job is activatable from this time. */
  readonly retryAt?: string;
  /** An activated job: the worker that holds it, and until when. */
  readonly worker?: string;
  readonly deadline?: string;
}

/** The step an incident interrupted, retried when it is resolved. */
export type RetryStep = 'activate' | 'complete' | 'job';

/** An open incident: the token waits until it is resolved. */
export interface IncidentState {
  readonly incidentId: string;
  readonly elementId: string;
  readonly elementInstanceId: string;
  readonly message: string;
  readonly retry: RetryStep;
  readonly jobId?: string;
  /** A job incident: the retries its job gets back when the incident is resolved. */
  readonly jobRetries?: number;
}

export type WarningLevel = 'none' | 'yellow' | 'red';

/** The legal deadline of a task or sub-process instance. */
export interface DeadlineState {
  readonly elementInstanceId: string;
  readonly elementId: string;
  readonly taskId?: string;
  readonly limitWorkingDays: number;
  readonly startedAt: string;
  readonly yellowAt: string;
  readonly dueAt: string;
  /** Working days added by pauses of the legal clock. */
  readonly extendedWorkingDays: number;
  readonly warning: WarningLevel;
}

/** The case's legal clock: running, or paused since `pausedAt`. */
export interface LegalClockState {
  readonly pausedAt?: string;
  readonly reason?: string;
  /** The element instance whose `banjie:clockControl` paused the clock. */
  readonly pausedBy?: string;
  readonly pausedWorkingDays: number;
}

/** The applicant's rating of the service (好差评). */
export interface EvaluationState {
  readonly rating: number;
  readonly comment?: string;
  readonly userId: string;
  readonly at: string;
}

/**
 * A completed activity that can be compensated (Zeebe's compensation subscription): an activity
 * with a compensation boundary event, or a sub-process or multi-instance body inside which such
 * activities completed. A compensation throw or end event triggers it; it goes when its handler
 * (and everything compensated inside it) completed, or when its scope is terminated.
 */
export interface CompensationSubscriptionState {
  readonly subscriptionId: string;
  readonly activityId: string;
  /** The instance of the activity that completed. */
  readonly activityInstanceId: string;
  /** The instance of the scope the activity completed in (the case id for the process level). */
  readonly scopeId: string;
  /** The handler to run; absent for a sub-process or body compensated only through what is inside it. */
  readonly handlerId?: string;
  /** Set inside a called process: the model the activity belongs to. */
  readonly model?: ModelRef;
  /** Once triggered: the compensation throw or end event that waits for it, and the handler's instance. */
  readonly throwEventInstanceId?: string;
  readonly handlerInstanceId?: string;
}

/** The variables of one scope. */
export interface ScopeVariables {
  /** The case id for the process level, else an element instance id. */
  readonly scopeId: string;
  readonly values: Variables;
}

/** A token waiting at a joining gateway, having come by one of its incoming flows. */
export interface JoinArrival {
  readonly scopeId: string;
  readonly gatewayId: string;
  readonly flowId: string;
}

/**
 * Everything the engine knows about a case: a plain, JSON-serialisable value built only by
 * folding events, so the api, the web client and an audit replay all see the same state.
 * Collections of things with generated ids are arrays, in the order they appeared: objects keyed
 * by ever-new ids would make JavaScript engines build a new object shape for every case.
 */
export interface CaseState {
  readonly caseId: string;
  readonly definitionKey: string;
  readonly version: number;
  readonly zoneId: string;
  readonly businessKey: string;
  readonly status: CaseStatus;
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly instances: readonly ElementInstance[];
  readonly variables: readonly ScopeVariables[];
  readonly tasks: readonly TaskState[];
  readonly timers: readonly TimerState[];
  readonly messageSubscriptions: readonly MessageSubscriptionState[];
  readonly signalSubscriptions: readonly SignalSubscriptionState[];
  readonly jobs: readonly JobState[];
  readonly incidents: readonly IncidentState[];
  readonly deadlines: readonly DeadlineState[];
  readonly clock: LegalClockState;
  readonly arrivals: readonly JoinArrival[];
  /** How often each element completed. */
  readonly completed: Readonly<Record<string, number>>;
  readonly takenFlows: readonly string[];
  readonly evaluation?: EvaluationState;
  /** Completed activities that can still be compensated, in the order they completed (absent until the first). */
  readonly compensations?: readonly CompensationSubscriptionState[];
}

/** The state before the first event of a case. */
export function initialCaseState(): CaseState {
  return {
    caseId: '',
    definitionKey: '',
    version: 0,
    zoneId: '',
    businessKey: '',
    status: 'none',
    startedAt: '',
    instances: [],
    variables: [],
    tasks: [],
    timers: [],
    messageSubscriptions: [],
    signalSubscriptions: [],
    jobs: [],
    incidents: [],
    deadlines: [],
    clock: { pausedWorkingDays: 0 },
    arrivals: [],
    completed: {},
    takenFlows: [],
  };
}
