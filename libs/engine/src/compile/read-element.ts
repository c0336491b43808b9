import type { ModdleElement } from 'bpmn-moddle';
import { DEFAULT_YELLOW_AT } from '@banjie/bpmn-extensions';
import type { ModelProblem } from '../lib/api';
import type {
  CalledElementDefinition,
  ElementDefinition,
  ElementKind,
  LegalLimitDefinition,
  MultiInstanceDefinition,
  UserTaskDefinition,
  VariableMapping,
} from '../model/process-model';
import { child, children, extension, formalBody, localKind, text } from './moddle-access';
import { readEventTrigger } from './read-event-trigger';

/** The flow node kinds the engine executes. */
export const EXECUTABLE_KINDS: ReadonlySet<string> = new Set<ElementKind>([
  'startEvent', 'endEvent', 'intermediateCatchEvent', 'intermediateThrowEvent', 'boundaryEvent',
  'task', 'userTask', 'serviceTask', 'sendTask', 'receiveTask', 'manualTask', 'businessRuleTask', 'scriptTask',
  'exclusiveGateway', 'parallelGateway', 'inclusiveGateway', 'eventBasedGateway', 'subProcess', 'callActivity',
]);

/** Flow elements that carry no behaviour and are skipped without a problem. */
export const INERT_TYPES: ReadonlySet<string> = new Set([
  'bpmn:SequenceFlow', 'bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference',
]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Reads one flow node into an element definition (flows and boundary events are linked later).
 * Everything the engine cannot run is reported, never thrown.
 */
export function readElement(node: ModdleElement, scopeId: string, problems: ModelProblem[]): ElementDefinition {
  const kind = localKind(node.$type) as ElementKind;
  const element: Mutable<ElementDefinition> = {
    id: node.id ?? '',
    kind,
    name: text(node, 'name'),
    scopeId,
    incoming: [],
    outgoing: [],
    boundaryEvents: [],
    inputs: readMappings(node, 'inputParameters'),
    outputs: readMappings(node, 'outputParameters'),
  };
  readJob(node, element, problems);
  if (kind.endsWith('Event')) element.trigger = readEventTrigger(node, problems, element.jobType !== undefined);
  if (kind === 'sendTask' || kind === 'receiveTask') element.trigger = readTaskMessage(node, element.jobType !== undefined, problems);
  if (kind === 'boundaryEvent') {
    element.attachedTo = child(node, 'attachedToRef')?.id;
    element.interrupting = node['cancelActivity'] !== false;
  }
  const defaultFlow = child(node, 'default')?.id;
  if (defaultFlow) element.defaultFlow = defaultFlow;
  if (kind === 'subProcess') element.triggeredByEvent = node['triggeredByEvent'] === true;
  if (node['isForCompensation'] === true) element.forCompensation = true;
  if (kind === 'startEvent') element.interrupting = node['isInterrupting'] !== false;
  if (kind === 'userTask') element.userTask = readUserTask(node);
  readScript(node, element, problems);
  const multiInstance = readMultiInstance(node, problems);
  if (multiInstance) element.multiInstance = multiInstance;
  if (kind === 'callActivity') element.calledElement = readCalledElement(node, problems);
  const legalLimit = readLegalLimit(node);
  if (legalLimit) element.legalLimit = legalLimit;
  if (extension(node, 'banjie:ClockControl')?.['pause'] === true) element.pausesClock = true;
  return element;
}

function readTaskMessage(node: ModdleElement, hasJob: boolean, problems: ModelProblem[]): ElementDefinition['trigger'] {
  const message = child(node, 'messageRef');
  const messageName = text(message, 'name');
  if (!messageName && !hasJob) problems.push({ elementId: node.id, elementType: node.$type, message: 'the task names no message (messageRef with a name)' });
  return { kind: 'message', messageName, correlationKey: text(extension(message, 'zeebe:Subscription'), 'correlationKey') };
}

/** Reads `banjie:legalLimit` from a task, a sub-process or a process. */
export function readLegalLimit(node: ModdleElement): LegalLimitDefinition | undefined {
  const limit = extension(node, 'banjie:LegalLimit');
  const workingDays = text(limit, 'workingDays');
  if (!limit || !workingDays) return undefined;
  const yellowAt = typeof limit['yellowAt'] === 'number' && limit['yellowAt'] > 0 && limit['yellowAt'] < 1 ? limit['yellowAt'] : DEFAULT_YELLOW_AT;
  return { workingDays, yellowAt, escalateTo: text(limit, 'escalateTo'), tier: text(limit, 'tier') };
}

function readMappings(node: ModdleElement, property: 'inputParameters' | 'outputParameters'): VariableMapping[] {
  return children(extension(node, 'zeebe:IoMapping'), property)
    .map((p) => ({ source: text(p, 'source') ?? '', target: text(p, 'target') ?? '' }))
    .filter((m) => m.target !== '');
}

function readUserTask(node: ModdleElement): UserTaskDefinition {
  const assignment = extension(node, 'zeebe:AssignmentDefinition');
  const form = extension(node, 'zeebe:FormDefinition');
  const schedule = extension(node, 'zeebe:TaskSchedule');
  const formKey = text(form, 'formKey');
  return {
    assignee: text(assignment, 'assignee'),
    candidateGroups: text(assignment, 'candidateGroups'),
    candidateUsers: text(assignment, 'candidateUsers'),
    formId: text(form, 'formId') ?? (formKey ? formKey.replace(/^camunda-forms:bpmn:/, '') : undefined),
    dueDate: text(schedule, 'dueDate'),
    name: text(extension(node, 'banjie:TaskName'), 'value'),
  };
}

function readJob(node: ModdleElement, element: Mutable<ElementDefinition>, problems: ModelProblem[]): void {
  const definition = extension(node, 'zeebe:TaskDefinition');
  const jobType = text(definition, 'type');
  if (!jobType) return;
  element.jobType = jobType;
  const literal = text(definition, 'retries')?.trim();
  if (literal?.startsWith('=')) {
    element.jobRetriesExpression = literal;
    return;
  }
  const retries = Number(literal ?? '3');
  if (literal !== undefined && (literal === '' || !Number.isInteger(retries) || retries < 0)) {
    problems.push({ elementId: node.id, elementType: node.$type, message: `the job retries "${literal}" are not a whole number from 0 nor a FEEL expression (=…)` });
  }
  element.jobRetries = Number.isInteger(retries) && retries >= 0 ? retries : 3;
}

function readScript(node: ModdleElement, element: Mutable<ElementDefinition>, problems: ModelProblem[]): void {
  const script = extension(node, 'zeebe:Script');
  const expression = text(script, 'expression');
  if (expression) {
    element.script = { expression, resultVariable: text(script, 'resultVariable') };
    return;
  }
  const where = { elementId: node.id, elementType: node.$type };
  if (node.$type === 'bpmn:ScriptTask' && !element.jobType) {
    problems.push({ ...where, message: 'a script task needs a FEEL zeebe:script expression (no other script language runs)' });
  }
  if (node.$type === 'bpmn:BusinessRuleTask' && !element.jobType) {
    const decision = extension(node, 'zeebe:CalledDecision');
    const decisionId = text(decision, 'decisionId');
    const resultVariable = text(decision, 'resultVariable');
    if (decision && decisionId && resultVariable) {
      element.calledDecision = { decisionId, resultVariable };
      return;
    }
    problems.push({
      ...where,
      message: decision ? 'a zeebe:calledDecision needs a decisionId and a resultVariable' : 'a business rule task needs a zeebe:calledDecision, a FEEL zeebe:script or a job type',
    });
  }
}

function readMultiInstance(node: ModdleElement, problems: ModelProblem[]): MultiInstanceDefinition | undefined {
  const loop = child(node, 'loopCharacteristics');
  if (!loop) return undefined;
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    problems.push({ elementId: node.id, elementType: node.$type, message: `${loop.$type} is not supported (use multi-instance)` });
    return undefined;
  }
  const zeebe = extension(loop, 'zeebe:LoopCharacteristics');
  const definition: MultiInstanceDefinition = {
    sequential: loop['isSequential'] === true,
    inputCollection: text(zeebe, 'inputCollection'),
    inputElement: text(zeebe, 'inputElement'),
    outputCollection: text(zeebe, 'outputCollection'),
    outputElement: text(zeebe, 'outputElement'),
    completionCondition: formalBody(loop, 'completionCondition'),
    cardinality: formalBody(loop, 'loopCardinality'),
  };
  if (!definition.inputCollection && !definition.cardinality) {
    problems.push({ elementId: node.id, elementType: node.$type, message: 'a multi-instance activity needs an input collection or a loop cardinality' });
  }
  return definition;
}

function readCalledElement(node: ModdleElement, problems: ModelProblem[]): CalledElementDefinition {
  const called = extension(node, 'zeebe:CalledElement');
  const processId = text(called, 'processId') ?? text(node, 'calledElement') ?? '';
  if (!processId) problems.push({ elementId: node.id, elementType: node.$type, message: 'the call activity names no process (zeebe:calledElement processId)' });
  const pinned = text(called, 'bindingType') === 'versionTag' ? Number(text(called, 'versionTag')) : NaN;
  return {
    processId,
    ...(Number.isInteger(pinned) && pinned > 0 ? { version: pinned } : {}),
    propagateAllChildVariables: called?.['propagateAllChildVariables'] !== false,
    propagateAllParentVariables: called?.['propagateAllParentVariables'] !== false,
  };
}
