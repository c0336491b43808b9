import type { ModelProblem } from '../lib/api';
import { timerLiteralError } from '../behaviors/timers';
import type { ElementDefinition, FlowDefinition, ScopeDefinition, TimerDefinition } from '../model/process-model';
import { expressionBody, feelSyntaxError, isExpression } from './feel-syntax';
import { validateCompensation } from './validate-compensation';

type ProblemSite = Omit<ModelProblem, 'message'>;

const ACTIVITY_KINDS = new Set(['task', 'userTask', 'serviceTask', 'sendTask', 'receiveTask', 'manualTask', 'businessRuleTask', 'scriptTask', 'subProcess', 'callActivity']);

/** The graph of a process as read, before it is frozen into a model. */
export interface ModelGraph {
  processId: string;
  elements: Record<string, ElementDefinition>;
  flows: Record<string, FlowDefinition>;
  scopes: Record<string, ScopeDefinition>;
  /** The `bpmn:Association`s of the process and its sub-processes (a compensation boundary event's link to its handler). */
  associations: { sourceId: string; targetId: string }[];
}

/** Checks the graph: start events, flows, gateways, boundary events, links and FEEL. */
export function validateModel(graph: ModelGraph, problems: ModelProblem[]): void {
  const root = graph.scopes[graph.processId];
  const rootStarts = root.elements.filter((id) => graph.elements[id].kind === 'startEvent');
  if (rootStarts.length === 0) problems.push({ elementId: graph.processId, elementType: 'bpmn:Process', message: 'the process has no start event' });
  for (const flow of Object.values(graph.flows)) validateFlow(graph, flow, problems);
  for (const element of Object.values(graph.elements)) {
    if (element.kind === 'subProcess' && !element.triggeredByEvent) validateEmbeddedStart(graph, element, problems);
  }
  for (const element of Object.values(graph.elements)) validateElement(graph, element, problems);
  validateCompensation(graph, problems);
}

function validateEmbeddedStart(graph: ModelGraph, subProcess: ElementDefinition, problems: ModelProblem[]): void {
  const scope = graph.scopes[subProcess.id];
  const starts = scope.elements.filter((id) => graph.elements[id].kind === 'startEvent');
  if (scope.noneStartEvents.length !== 1 || starts.length !== 1) {
    problems.push({ elementId: subProcess.id, elementType: 'bpmn:SubProcess', message: 'an embedded sub-process needs exactly one start event, without a trigger' });
  }
}

function validateFlow(graph: ModelGraph, flow: FlowDefinition, problems: ModelProblem[]): void {
  const where = { elementId: flow.id, elementType: 'bpmn:SequenceFlow' };
  if (!graph.elements[flow.sourceRef] || !graph.elements[flow.targetRef]) {
    problems.push({ ...where, message: 'the sequence flow is dangling: its source or target is missing or not executable' });
  }
  const source = graph.elements[flow.sourceRef];
  const target = graph.elements[flow.targetRef];
  if (source && target && source.scopeId !== target.scopeId) {
    problems.push({ ...where, message: 'the sequence flow crosses the border of a sub-process' });
  }
  if (flow.condition !== undefined) checkFeel(flow.condition, where, problems, true);
}

function validateElement(graph: ModelGraph, element: ElementDefinition, problems: ModelProblem[]): void {
  const where = { elementId: element.id, elementType: `bpmn:${element.kind.charAt(0).toUpperCase()}${element.kind.slice(1)}` };
  const { kind } = element;
  if (kind.endsWith('Gateway')) {
    if (element.outgoing.length === 0) problems.push({ ...where, message: 'the gateway has no way out (no outgoing sequence flow)' });
    if ((kind === 'exclusiveGateway' || kind === 'inclusiveGateway') && element.outgoing.length > 1) {
      for (const flowId of element.outgoing) {
        const flow = graph.flows[flowId];
        if (flow && flow.condition === undefined && element.defaultFlow !== flowId) {
          problems.push({ elementId: flowId, elementType: 'bpmn:SequenceFlow', message: `the flow leaves ${element.id} without a condition and is not its default flow` });
        }
      }
    }
    if (kind === 'eventBasedGateway') {
      for (const flowId of element.outgoing) {
        const target = graph.elements[graph.flows[flowId]?.targetRef ?? ''];
        const catches = target?.kind === 'intermediateCatchEvent' && (target.trigger?.kind === 'timer' || target.trigger?.kind === 'message' || target.trigger?.kind === 'signal');
        if (target && !catches) problems.push({ ...where, message: `an event-based gateway may only lead to timer, message or signal catch events, not to ${target.id}` });
      }
    }
  }
  if (element.defaultFlow && !element.outgoing.includes(element.defaultFlow)) {
    problems.push({ ...where, message: `the default flow ${element.defaultFlow} does not leave this element` });
  }
  if (kind === 'boundaryEvent') validateBoundary(graph, element, where, problems);
  validateTrigger(graph, element, where, problems);
  if (kind === 'startEvent' && element.incoming.length > 0) problems.push({ ...where, message: 'a start event cannot have incoming sequence flows' });
  if (kind === 'endEvent' && element.outgoing.length > 0) problems.push({ ...where, message: 'an end event cannot have outgoing sequence flows' });
  if (kind === 'serviceTask' && !element.jobType) problems.push({ ...where, message: 'a service task needs a job type (zeebe:taskDefinition type)' });
  if (kind === 'intermediateThrowEvent' && element.trigger?.kind === 'link') {
    const targets = graph.scopes[element.scopeId]?.linkTargets ?? {};
    if (!element.trigger.linkName || !targets[element.trigger.linkName]) problems.push({ ...where, message: `no catch link event named "${element.trigger.linkName ?? ''}" in the same scope` });
  }
  if (element.trigger?.correlationKey) checkFeel(element.trigger.correlationKey, where, problems, false);
  validateExpressions(element, where, problems);
}

/** The triggers each event kind can run (boundary events are checked on their own). */
const TRIGGERS: Partial<Record<ElementDefinition['kind'], readonly string[]>> = {
  intermediateCatchEvent: ['timer', 'message', 'signal', 'link'],
  intermediateThrowEvent: ['none', 'message', 'escalation', 'signal', 'link', 'compensation'],
  endEvent: ['none', 'terminate', 'error', 'escalation', 'message', 'signal', 'compensation'],
};

function validateTrigger(graph: ModelGraph, element: ElementDefinition, where: ProblemSite, problems: ModelProblem[]): void {
  const trigger = element.trigger?.kind ?? 'none';
  // a compensation start event is refused with its own reason (validate-compensation.ts)
  if (trigger === 'compensation' && element.kind === 'startEvent') return;
  const allowed = element.kind === 'startEvent' ? startTriggers(graph, element) : TRIGGERS[element.kind];
  if (allowed && !allowed.includes(trigger)) problems.push({ ...where, message: `a ${trigger} ${element.kind} is not supported here` });
}

function startTriggers(graph: ModelGraph, start: ElementDefinition): readonly string[] {
  if (start.scopeId === graph.processId) return ['none', 'message', 'timer', 'signal'];
  return graph.elements[start.scopeId]?.triggeredByEvent ? ['message', 'timer', 'signal', 'error', 'escalation'] : ['none'];
}

function validateBoundary(graph: ModelGraph, element: ElementDefinition, where: ProblemSite, problems: ModelProblem[]): void {
  const host = graph.elements[element.attachedTo ?? ''];
  if (!host || !ACTIVITY_KINDS.has(host.kind)) problems.push({ ...where, message: 'the boundary event is not attached to an activity' });
  const trigger = element.trigger?.kind ?? 'none';
  if (!['timer', 'message', 'error', 'escalation', 'signal', 'compensation'].includes(trigger)) {
    problems.push({ ...where, message: `a ${trigger} boundary event is not supported` });
  }
  if (trigger === 'error' && element.interrupting === false) problems.push({ ...where, message: 'an error boundary event is always interrupting' });
  // a compensation boundary event leads to its handler by an association (validate-compensation.ts)
  if (element.outgoing.length === 0 && trigger !== 'compensation') problems.push({ ...where, message: 'the boundary event has no outgoing sequence flow' });
}

function validateExpressions(element: ElementDefinition, where: ProblemSite, problems: ModelProblem[]): void {
  const values = [
    element.userTask?.assignee,
    element.userTask?.candidateGroups,
    element.userTask?.name,
    element.userTask?.candidateUsers,
    element.userTask?.dueDate,
    element.multiInstance?.inputCollection,
    element.multiInstance?.outputElement,
    element.multiInstance?.cardinality,
    element.legalLimit?.workingDays,
    element.calledElement?.processId,
    element.jobType,
    element.jobRetriesExpression,
    element.trigger?.messageName,
    element.trigger?.signalName,
    element.trigger?.errorCode,
    element.trigger?.escalationCode,
    ...element.inputs.map((m) => m.source),
    ...element.outputs.map((m) => m.source),
  ];
  for (const value of values) if (value !== undefined) checkFeel(value, where, problems, false);
  if (element.script) checkFeel(element.script.expression, where, problems, true);
  validateTimer(element.trigger?.timer, where, problems);
  if (element.multiInstance?.completionCondition) checkFeel(element.multiInstance.completionCondition, where, problems, true);
}

/** A timer's FEEL is checked like any other; a literal must be the ISO-8601 value Zeebe reads. */
function validateTimer(timer: TimerDefinition | undefined, where: ProblemSite, problems: ModelProblem[]): void {
  if (!timer) return;
  if (isExpression(timer.expression)) return checkFeel(timer.expression, where, problems, false);
  const error = timerLiteralError(timer);
  if (error) problems.push({ ...where, message: `the timer cannot run: ${error}` });
}

/** Reports bad FEEL. `alwaysFeel` is for conditions and scripts, which are FEEL with or without `=`. */
function checkFeel(value: string, where: ProblemSite, problems: ModelProblem[], alwaysFeel: boolean): void {
  if (!alwaysFeel && !isExpression(value)) return;
  const legacy = legacyExpressionError(value);
  if (legacy) {
    problems.push({ elementId: where.elementId, elementType: where.elementType, message: `a legacy expression "${value}" cannot run: ${legacy}` });
    return;
  }
  const error = feelSyntaxError(expressionBody(value));
  if (error) problems.push({ elementId: where.elementId, elementType: where.elementType, message: `bad FEEL "${value}": ${error}` });
}

/**
 * Camunda 7 JUEL (`${phone == false}`) and Java-style operators are not FEEL: some even parse as
 * FEEL with another meaning (`phone == false` compares `phone` with `= false`). Outside string
 * literals, `${`, `#{`, `==`, `&&` and `||` are refused with what FEEL writes instead.
 */
function legacyExpressionError(value: string): string | undefined {
  const code = expressionBody(value).replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (/[$#]\{/.test(code)) return 'JUEL (${…}) is Camunda 7; Camunda 8 runs FEEL, e.g. =phone = false';
  if (code.includes('==')) return 'FEEL compares with = (not ==)';
  if (code.includes('&&') || code.includes('||')) return 'FEEL combines conditions with and / or (not && / ||)';
  return undefined;
}
