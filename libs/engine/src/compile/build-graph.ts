import type { ModdleElement } from 'bpmn-moddle';
import type { ModelProblem } from '../lib/api';
import type { ElementDefinition, FlowDefinition, ScopeDefinition } from '../model/process-model';
import { child, children, formalBody, text } from './moddle-access';
import { EXECUTABLE_KINDS, INERT_TYPES, readElement } from './read-element';
import { localKind } from './moddle-access';
import type { ModelGraph } from './validate-model';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Walks a process and its sub-processes into elements, flows and scopes. */
export function buildGraph(process: ModdleElement, problems: ModelProblem[]): ModelGraph {
  const graph: ModelGraph = { processId: process.id ?? '', elements: {}, flows: {}, scopes: {}, associations: [] };
  readScope(process, graph.processId, graph, problems);
  linkFlows(graph);
  linkCompensationHandlers(graph);
  return graph;
}

function readScope(container: ModdleElement, scopeId: string, graph: ModelGraph, problems: ModelProblem[]): void {
  const scope: Mutable<ScopeDefinition> = { id: scopeId, elements: [], noneStartEvents: [], eventSubProcessStarts: [], linkTargets: {} };
  graph.scopes[scopeId] = scope;
  const elements: string[] = [];
  for (const node of children(container, 'flowElements')) {
    if (node.$type === 'bpmn:SequenceFlow') {
      readFlow(node, graph);
      continue;
    }
    if (INERT_TYPES.has(node.$type)) continue;
    if (!EXECUTABLE_KINDS.has(localKind(node.$type)) || !node.id) {
      problems.push({ elementId: node.id, elementType: node.$type, message: `${node.$type} is not supported` });
      continue;
    }
    if (graph.elements[node.id]) {
      problems.push({ elementId: node.id, elementType: node.$type, message: 'the id is used twice' });
      continue;
    }
    const element = readElement(node, scopeId, problems);
    graph.elements[element.id] = element;
    elements.push(element.id);
    if (element.kind === 'startEvent' && element.trigger?.kind === 'none') scope.noneStartEvents = [...scope.noneStartEvents, element.id];
    if (element.kind === 'intermediateCatchEvent' && element.trigger?.kind === 'link' && element.trigger.linkName) {
      scope.linkTargets = { ...scope.linkTargets, [element.trigger.linkName]: element.id };
    }
    if (element.kind === 'subProcess') {
      readScope(node, element.id, graph, problems);
      if (element.triggeredByEvent) {
        const starts = graph.scopes[element.id].elements.filter((id) => graph.elements[id].kind === 'startEvent');
        if (starts.length !== 1) problems.push({ elementId: element.id, elementType: node.$type, message: 'an event sub-process needs exactly one start event' });
        scope.eventSubProcessStarts = [...scope.eventSubProcessStarts, ...starts];
      }
    }
  }
  scope.elements = elements;
  for (const artifact of children(container, 'artifacts')) {
    if (artifact.$type !== 'bpmn:Association') continue;
    const sourceId = child(artifact, 'sourceRef')?.id;
    const targetId = child(artifact, 'targetRef')?.id;
    if (sourceId && targetId) graph.associations.push({ sourceId, targetId });
  }
}

function readFlow(node: ModdleElement, graph: ModelGraph): void {
  const flow: Mutable<FlowDefinition> = {
    id: node.id ?? '',
    sourceRef: child(node, 'sourceRef')?.id ?? '',
    targetRef: child(node, 'targetRef')?.id ?? '',
  };
  const condition = formalBody(node, 'conditionExpression') ?? (child(node, 'conditionExpression') ? text(child(node, 'conditionExpression'), 'body') ?? '' : undefined);
  if (condition !== undefined) flow.condition = condition;
  graph.flows[flow.id] = flow;
}

function linkFlows(graph: ModelGraph): void {
  const elements = graph.elements as Record<string, Mutable<ElementDefinition>>;
  for (const flow of Object.values(graph.flows)) {
    const source = elements[flow.sourceRef];
    const target = elements[flow.targetRef];
    if (source) source.outgoing = [...source.outgoing, flow.id];
    if (target) target.incoming = [...target.incoming, flow.id];
  }
  for (const element of Object.values(elements)) {
    const host = element.attachedTo ? elements[element.attachedTo] : undefined;
    if (element.kind === 'boundaryEvent' && host) host.boundaryEvents = [...host.boundaryEvents, element.id];
  }
}

/** A compensation boundary event names, by its association, the handler of the activity it sits on. */
function linkCompensationHandlers(graph: ModelGraph): void {
  const elements = graph.elements as Record<string, Mutable<ElementDefinition>>;
  for (const association of graph.associations) {
    const boundary = elements[association.sourceId];
    const host = boundary?.attachedTo ? elements[boundary.attachedTo] : undefined;
    if (boundary?.kind === 'boundaryEvent' && boundary.trigger?.kind === 'compensation' && host && !host.compensation) {
      host.compensation = { boundaryEventId: boundary.id, handlerId: association.targetId };
    }
  }
}
