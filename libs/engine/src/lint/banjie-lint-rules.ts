// The browser entry point (`@banjie/engine/lint`) reaches bpmn-moddle's types only through this reference.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../compile/bpmn-moddle.d.ts" />
import type { ModdleElement } from 'bpmn-moddle';
import { expressionBody, feelSyntaxError, isExpression } from '../compile/feel-syntax';
import { child, children, extension, extensions, formalBody, localKind, text } from '../compile/moddle-access';
import { EXECUTABLE_KINDS, INERT_TYPES } from '../compile/read-element';

/** Where a rule reports a finding: bpmnlint's reporter, in the browser and on the server alike. */
export interface LintReporter {
  report(elementId: string, message: string): void;
}

/** A rule in bpmnlint's shape: a factory of `{ check(node, reporter) }`, called for every model element. */
export type LintRuleFactory = () => { check(node: ModdleElement, reporter: LintReporter): void };

/** How seriously a finding is taken: an `error` refuses the deploy, a `warn` is listed with it. */
export type LintCategory = 'error' | 'warn';

/** A Banjie rule and its category, the same in the designer and in the deploy validation. */
export interface BanjieLintRule {
  rule: LintRuleFactory;
  category: LintCategory;
}

/** bpmnlint's plugin name for the Banjie rules: `banjie/<rule>` resolves to `bpmnlint-plugin-banjie`. */
export const BANJIE_LINT_PLUGIN = 'banjie';

const rule =
  (check: (node: ModdleElement, reporter: LintReporter) => void): LintRuleFactory =>
  () => ({ check });

function isFlowNode(node: ModdleElement): boolean {
  const instanceOf = node['$instanceOf'];
  return typeof instanceOf === 'function' && (instanceOf as (type: string) => boolean).call(node, 'bpmn:FlowNode');
}

/** The sequence flows leaving a node, read from its container (XML need not list `bpmn:outgoing`). */
function outgoingFlows(node: ModdleElement): ModdleElement[] {
  const siblings = children(child(node, '$parent'), 'flowElements');
  return siblings.filter((flow) => flow.$type === 'bpmn:SequenceFlow' && child(flow, 'sourceRef') === node);
}

/** A user task without `banjie:legalLimit`: the case gets no deadline, no yellow nor red warning. */
const legalLimit = rule((node, reporter) => {
  if (node.$type !== 'bpmn:UserTask' || !node.id) return;
  if (!extension(node, 'banjie:LegalLimit')?.['workingDays']) {
    reporter.report(node.id, '没有法定时限 the user task has no legal limit (banjie:legalLimit workingDays): set it in 办结 Banjie › 法定时限 Legal limit');
  }
});

/** A user task nobody is named for: no assignee, no candidate group nor user, so no inbox shows it. */
const taskAssignee = rule((node, reporter) => {
  if (node.$type !== 'bpmn:UserTask' || !node.id) return;
  const assignment = extension(node, 'zeebe:AssignmentDefinition');
  const named = ['assignee', 'candidateGroups', 'candidateUsers'].some((property) => (text(assignment, property) ?? '').trim() !== '');
  if (!named) reporter.report(node.id, '没有办理人 the user task has no assignee nor candidate group (zeebe:assignmentDefinition): no inbox shows it');
});

/** An exclusive gateway that forks without a default flow and with a flow that has no condition. */
const gatewayConditions = rule((node, reporter) => {
  if (node.$type !== 'bpmn:ExclusiveGateway' || !node.id) return;
  const outgoing = outgoingFlows(node);
  if (outgoing.length < 2) return;
  const defaultFlow = child(node, 'default');
  if (defaultFlow) return;
  const bare = outgoing.filter((flow) => formalBody(flow, 'conditionExpression') === undefined);
  if (bare.length > 0) {
    reporter.report(node.id, `排他网关缺少条件 the exclusive gateway has no default flow, and ${bare.map((f) => f.id).join(', ')} has no condition`);
  }
});

/** A flow node whose kind the engine cannot run (complex gateway, transaction, ad-hoc sub-process…). */
const executableElements = rule((node, reporter) => {
  if (!node.id || !isFlowNode(node) || INERT_TYPES.has(node.$type)) return;
  if (!EXECUTABLE_KINDS.has(localKind(node.$type))) reporter.report(node.id, `引擎不能执行 ${node.$type} is not supported by the Banjie engine`);
});

/** The FEEL values of an element, each with whether it is FEEL without a leading `=`. */
function feelValues(node: ModdleElement): { value: string; alwaysFeel: boolean }[] {
  const values: { value: string; alwaysFeel: boolean }[] = [];
  const add = (value: string | undefined, alwaysFeel = false) => {
    if (value !== undefined) values.push({ value, alwaysFeel });
  };
  if (node.$type === 'bpmn:SequenceFlow') add(formalBody(node, 'conditionExpression'), true);
  const assignment = extension(node, 'zeebe:AssignmentDefinition');
  for (const property of ['assignee', 'candidateGroups', 'candidateUsers']) add(text(assignment, property));
  add(text(extension(node, 'banjie:LegalLimit'), 'workingDays'));
  add(text(extension(node, 'banjie:TaskName'), 'value'));
  add(text(extension(node, 'zeebe:CalledElement'), 'processId'));
  add(text(extension(node, 'zeebe:Script'), 'expression'), true);
  for (const io of extensions(node, 'zeebe:IoMapping')) {
    for (const mapping of [...children(io, 'inputParameters'), ...children(io, 'outputParameters')]) add(text(mapping, 'source'));
  }
  const loop = child(node, 'loopCharacteristics');
  const zeebeLoop = extension(loop, 'zeebe:LoopCharacteristics');
  add(text(zeebeLoop, 'inputCollection'));
  add(text(zeebeLoop, 'outputElement'));
  add(formalBody(loop, 'completionCondition'), true);
  for (const definition of children(node, 'eventDefinitions')) {
    for (const property of ['timeDuration', 'timeDate', 'timeCycle']) add(formalBody(definition, property));
    add(text(extension(child(definition, 'messageRef'), 'zeebe:Subscription'), 'correlationKey'));
  }
  return values;
}

/** FEEL that does not parse (conditions, assignments, mappings, limits, timers, correlation keys). */
const feelSyntax = rule((node, reporter) => {
  if (!node.id || (node.$type !== 'bpmn:SequenceFlow' && !isFlowNode(node))) return;
  for (const { value, alwaysFeel } of feelValues(node)) {
    if (!alwaysFeel && !isExpression(value)) continue;
    const error = feelSyntaxError(expressionBody(value));
    if (error) reporter.report(node.id, `FEEL 表达式有误 bad FEEL "${value}": ${error}`);
  }
});

/**
 * Banjie's lint rules, one set for the designer's canvas (bpmnlint, as `banjie/<name>`) and the
 * server's deploy validation (`lintDefinitions`), so both report the same problems.
 */
export const BANJIE_LINT_RULES: Readonly<Record<string, BanjieLintRule>> = {
  'legal-limit': { rule: legalLimit, category: 'warn' },
  'task-assignee': { rule: taskAssignee, category: 'warn' },
  'gateway-conditions': { rule: gatewayConditions, category: 'error' },
  'executable-elements': { rule: executableElements, category: 'error' },
  'feel-syntax': { rule: feelSyntax, category: 'error' },
};
