import type { Decisions } from '../dmn/decisions';
import type { ModelProblem } from '../lib/api';

/** The BPMN element kinds the engine executes (the moddle type without the `bpmn:` prefix). */
export type ElementKind =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'task'
  | 'userTask'
  | 'serviceTask'
  | 'sendTask'
  | 'receiveTask'
  | 'manualTask'
  | 'businessRuleTask'
  | 'scriptTask'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway'
  | 'subProcess'
  | 'callActivity';

/** The trigger an event element waits for or throws. */
export type EventTriggerKind = 'none' | 'message' | 'timer' | 'error' | 'escalation' | 'signal' | 'terminate' | 'link' | 'compensation';

/** A timer's definition: an ISO date, an ISO duration, an ISO cycle, or working days (banjie). */
export interface TimerDefinition {
  readonly kind: 'date' | 'duration' | 'cycle' | 'workingDays';
  /** The literal or FEEL expression (`=…`) giving the value. */
  readonly expression: string;
}

/** What an event element catches or throws. */
export interface EventTrigger {
  readonly kind: EventTriggerKind;
  readonly messageName?: string;
  /** FEEL expression for a message's correlation key. */
  readonly correlationKey?: string;
  readonly timer?: TimerDefinition;
  /** Error code; absent on a catch event means "any error". */
  readonly errorCode?: string;
  /** Escalation code; absent on a catch event means "any escalation". */
  readonly escalationCode?: string;
  readonly signalName?: string;
  readonly linkName?: string;
  /** A compensation throw or end event: the one activity to compensate (`activityRef`); absent = every activity of the scope. */
  readonly activityRef?: string;
}

/** A `zeebe:input` / `zeebe:output` pair: `target` receives the value of `source` (FEEL). */
export interface VariableMapping {
  readonly source: string;
  readonly target: string;
}

/** Assignment, form and schedule of a user task. */
export interface UserTaskDefinition {
  readonly assignee?: string;
  readonly candidateGroups?: string;
  readonly candidateUsers?: string;
  readonly formId?: string;
  readonly dueDate?: string;
  /** `banjie:taskName value`: the name of each task, a FEEL expression (`=…`) or a literal; the element's name when absent. */
  readonly name?: string;
}

/** `zeebe:loopCharacteristics` with the BPMN multi-instance flag. */
export interface MultiInstanceDefinition {
  readonly sequential: boolean;
  readonly inputCollection?: string;
  readonly inputElement?: string;
  readonly outputCollection?: string;
  readonly outputElement?: string;
  readonly completionCondition?: string;
  /** BPMN `loopCardinality`, used when there is no input collection. */
  readonly cardinality?: string;
}

/** The process a call activity runs, with its version binding. */
export interface CalledElementDefinition {
  /** The key of the called process, or a FEEL expression (`=…`) that gives it when the call activity activates. */
  readonly processId: string;
  /** Pinned version (from `versionTag` with `bindingType="versionTag"`); absent = latest. */
  readonly version?: number;
  readonly propagateAllChildVariables: boolean;
  readonly propagateAllParentVariables: boolean;
}

/** A legal limit in working days (`banjie:legalLimit`). */
export interface LegalLimitDefinition {
  /** A number or a FEEL expression (`=…`). */
  readonly workingDays: string;
  readonly yellowAt: number;
  readonly escalateTo?: string;
  readonly tier?: string;
}

/** One executable flow node, as plain data. */
export interface ElementDefinition {
  readonly id: string;
  readonly kind: ElementKind;
  readonly name?: string;
  /** The id of the enclosing process or sub-process. */
  readonly scopeId: string;
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  readonly defaultFlow?: string;
  readonly trigger?: EventTrigger;
  /** Boundary events: the activity they sit on, and whether they interrupt it. */
  readonly attachedTo?: string;
  readonly interrupting?: boolean;
  /** Boundary events attached to this activity. */
  readonly boundaryEvents: readonly string[];
  readonly userTask?: UserTaskDefinition;
  /** `zeebe:taskDefinition type`: the job type of a service-like task (a FEEL expression when it starts with `=`). */
  readonly jobType?: string;
  /** `zeebe:taskDefinition retries` (`DEFAULT_JOB_RETRIES` when absent). */
  readonly jobRetries?: number;
  /** `zeebe:taskDefinition retries="=…"`: FEEL giving the retries, evaluated when the job is created (Zeebe). */
  readonly jobRetriesExpression?: string;
  readonly script?: { readonly expression: string; readonly resultVariable?: string };
  /** `zeebe:calledDecision`: a business rule task evaluating a DMN decision deployed with the flow. */
  readonly calledDecision?: { readonly decisionId: string; readonly resultVariable: string };
  readonly inputs: readonly VariableMapping[];
  readonly outputs: readonly VariableMapping[];
  readonly multiInstance?: MultiInstanceDefinition;
  readonly calledElement?: CalledElementDefinition;
  readonly legalLimit?: LegalLimitDefinition;
  /** `banjie:clockControl pause="true"`: the legal clock stops while this element is active. */
  readonly pausesClock?: boolean;
  /** Sub-processes: an event sub-process, started by its start event. */
  readonly triggeredByEvent?: boolean;
  /** `isForCompensation="true"`: a compensation handler, run only by a compensation throw or end event. */
  readonly forCompensation?: boolean;
  /** An activity with a compensation boundary event: that event and the handler associated with it. */
  readonly compensation?: CompensationDefinition;
}

/** How an activity is compensated: its compensation boundary event and the handler it is associated with. */
export interface CompensationDefinition {
  readonly boundaryEventId: string;
  readonly handlerId: string;
}

/** A sequence flow with its optional FEEL condition. */
export interface FlowDefinition {
  readonly id: string;
  readonly sourceRef: string;
  readonly targetRef: string;
  readonly condition?: string;
}

/** A process or sub-process: the elements whose parent it is. */
export interface ScopeDefinition {
  readonly id: string;
  readonly elements: readonly string[];
  /** None start events (the ones a plain start or an embedded sub-process uses). */
  readonly noneStartEvents: readonly string[];
  /** Start events of the event sub-processes directly inside this scope. */
  readonly eventSubProcessStarts: readonly string[];
  /** Intermediate catch link events by link name. */
  readonly linkTargets: Readonly<Record<string, string>>;
}

/** A compiled, immutable, executable process. Compile once, decide many times. */
export interface ProcessModel {
  /** The executable process id, the definition key. */
  readonly key: string;
  readonly name: string;
  readonly elements: Readonly<Record<string, ElementDefinition>>;
  readonly flows: Readonly<Record<string, FlowDefinition>>;
  readonly scopes: Readonly<Record<string, ScopeDefinition>>;
  /** For each inclusive gateway, the elements from which a token can still reach it. */
  readonly upstream: Readonly<Record<string, Readonly<Record<string, true>>>>;
  readonly legalLimit?: LegalLimitDefinition;
  readonly messageStartEvents: readonly { elementId: string; messageName: string }[];
  readonly timerStartEvents: readonly { elementId: string; timer: TimerDefinition }[];
  readonly signalStartEvents: readonly { elementId: string; signalName: string }[];
  /** Forms passed to `compile`, by form id. */
  readonly forms: Readonly<Record<string, unknown>>;
  /** DMN decisions passed to `compile` (libs/engine/src/dmn), by decision id. */
  readonly decisions?: Decisions;
}

/** The result of `compile`: a model with warnings, or every problem found. */
export type CompileResult =
  | { ok: true; model: ProcessModel; warnings: ModelProblem[] }
  | { ok: false; problems: ModelProblem[] };

/** The retries of a job whose task definition names none (Zeebe's default). */
export const DEFAULT_JOB_RETRIES = 3;
