// bpmn-moddle 10 types sit behind an export that `moduleResolution: node` cannot see; this
// reference also reaches the apps that compile the engine from source.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./bpmn-moddle.d.ts" />
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { banjieModdleDescriptor } from '@banjie/bpmn-extensions';
import type { Decisions } from '../dmn/decisions';
import type { ModelProblem } from '../lib/api';
import type { CompileResult, ProcessModel } from '../model/process-model';
import { buildGraph } from './build-graph';
import { isExpression } from './feel-syntax';
import { classifyParseWarnings } from './parse-warnings';
import { children, text } from './moddle-access';
import { readLegalLimit } from './read-element';
import { inclusiveUpstream } from './upstream';
import { validateModel, type ModelGraph } from './validate-model';
import { MAX_XML_DEPTH, xmlNestsDeeperThan } from './xml-depth';

/** Options of `compile`. */
export interface CompileOptions {
  /** Form schemas by form id, checked against the user tasks' `zeebe:formDefinition formId`. */
  forms?: Record<string, unknown>;
  /** Looks up a called process, to report call activities whose process is unknown. */
  resolveCalledModel?: (processId: string) => unknown | undefined;
  /** DMN decisions deployed with the process (`parseDmn`), checked against `zeebe:calledDecision decisionId`. */
  decisions?: Decisions;
}

const MAX_XML_LENGTH = 20 * 1024 * 1024;

/**
 * Reads BPMN XML into an executable, immutable process model, or returns every problem found.
 * Never throws; refuses XML with a DOCTYPE, or nesting deeper than {@link MAX_XML_DEPTH} levels, before parsing it.
 */
export async function compile(xml: string, options: CompileOptions = {}): Promise<CompileResult> {
  try {
    if (typeof xml !== 'string' || xml.trim() === '') return fail('the BPMN XML is empty');
    if (xml.length > MAX_XML_LENGTH) return fail('the BPMN XML is too large');
    if (/<!DOCTYPE/i.test(xml)) return fail('XML with a DOCTYPE is refused');
    if (xmlNestsDeeperThan(xml, MAX_XML_DEPTH)) return fail(`the BPMN XML nests elements deeper than ${MAX_XML_DEPTH} levels`);
    const moddle = BpmnModdle({ zeebe: zeebeDescriptor, banjie: banjieModdleDescriptor });
    const parsed = await moddle.fromXML(xml, 'bpmn:Definitions');
    const read = classifyParseWarnings(xml, parsed.warnings);
    const result = compileDefinitions(parsed.rootElement, read.warnings, options);
    if (read.problems.length === 0) return result;
    return { ok: false, problems: [...read.problems, ...(result.ok ? [] : result.problems)] };
  } catch (e) {
    return fail(`the BPMN XML cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function compileDefinitions(definitions: ModdleElement, warnings: ModelProblem[], options: CompileOptions): CompileResult {
  const processes = children(definitions, 'rootElements').filter((e) => e.$type === 'bpmn:Process');
  const executable = processes.filter((p) => p['isExecutable'] === true);
  const candidates = executable.length > 0 ? executable : processes.filter((p) => children(p, 'flowElements').length > 0);
  if (candidates.length === 0) return fail('the definitions contain no executable process');
  const process = candidates[0];
  const problems: ModelProblem[] = [];
  if (!process.id) return fail('the process has no id');
  if (candidates.length > 1) {
    for (const other of candidates.slice(1)) warnings.push({ elementId: other.id, elementType: other.$type, message: 'only the first executable process is deployed' });
  }
  const graph = buildGraph(process, problems);
  validateModel(graph, problems);
  checkForms(graph, options, problems);
  checkCalledProcesses(graph, options, problems);
  checkDecisions(graph, options, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, model: toModel(process, graph, options), warnings };
}

function checkForms(graph: ModelGraph, options: CompileOptions, problems: ModelProblem[]): void {
  if (!options.forms) return;
  for (const element of Object.values(graph.elements)) {
    const formId = element.userTask?.formId;
    if (formId && !(formId in options.forms)) problems.push({ elementId: element.id, elementType: 'bpmn:UserTask', message: `the form "${formId}" is not deployed with the process` });
  }
}

function checkDecisions(graph: ModelGraph, options: CompileOptions, problems: ModelProblem[]): void {
  for (const element of Object.values(graph.elements)) {
    const decisionId = element.calledDecision?.decisionId;
    if (decisionId && !isExpression(decisionId) && !Object.hasOwn(options.decisions ?? {}, decisionId)) {
      problems.push({ elementId: element.id, elementType: 'bpmn:BusinessRuleTask', message: `the decision "${decisionId}" is not deployed with the process` });
    }
  }
}

function checkCalledProcesses(graph: ModelGraph, options: CompileOptions, problems: ModelProblem[]): void {
  if (!options.resolveCalledModel) return;
  for (const element of Object.values(graph.elements)) {
    const processId = element.calledElement?.processId;
    // A FEEL process id names its process only when the case runs.
    if (processId && !isExpression(processId) && processId !== graph.processId && !options.resolveCalledModel(processId)) {
      problems.push({ elementId: element.id, elementType: 'bpmn:CallActivity', message: `the called process "${processId}" is not deployed` });
    }
  }
}

function toModel(process: ModdleElement, graph: ModelGraph, options: CompileOptions): ProcessModel {
  const rootStarts = graph.scopes[graph.processId].elements.map((id) => graph.elements[id]).filter((e) => e.kind === 'startEvent');
  const legalLimit = readLegalLimit(process);
  const model: ProcessModel = {
    key: graph.processId,
    name: text(process, 'name') ?? graph.processId,
    elements: graph.elements,
    flows: graph.flows,
    scopes: graph.scopes,
    upstream: inclusiveUpstream(graph),
    ...(legalLimit ? { legalLimit } : {}),
    messageStartEvents: rootStarts.filter((e) => e.trigger?.kind === 'message').map((e) => ({ elementId: e.id, messageName: e.trigger?.messageName ?? '' })),
    timerStartEvents: rootStarts.flatMap((e) => (e.trigger?.kind === 'timer' && e.trigger.timer ? [{ elementId: e.id, timer: e.trigger.timer }] : [])),
    signalStartEvents: rootStarts.filter((e) => e.trigger?.kind === 'signal').map((e) => ({ elementId: e.id, signalName: e.trigger?.signalName ?? '' })),
    forms: { ...(options.forms ?? {}) },
    ...(options.decisions ? { decisions: { ...options.decisions } } : {}),
  };
  return deepFreeze(model);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function fail(message: string): CompileResult {
  return { ok: false, problems: [{ message }] };
}
