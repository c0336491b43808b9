import type { ModelProblem } from '../lib/api';
import type { ElementDefinition } from '../model/process-model';
import type { ModelGraph } from './validate-model';

/** The activities Zeebe runs as compensation handlers (its `CompensationTaskValidator`, plus sub-processes and call activities). */
const HANDLER_KINDS: ReadonlySet<ElementDefinition['kind']> = new Set(['task', 'userTask', 'serviceTask', 'sendTask', 'scriptTask', 'manualTask', 'subProcess', 'callActivity']);

/**
 * Checks compensation as Zeebe's deployment does: a compensation boundary event has no outgoing
 * flow and an association to a handler; a handler has no flows and no boundary events; an
 * `activityRef` names a compensable activity of the throw event's scope; and compensation
 * event sub-processes, which Zeebe does not run, are refused.
 */
export function validateCompensation(graph: ModelGraph, problems: ModelProblem[]): void {
  for (const element of Object.values(graph.elements)) {
    const where = { elementId: element.id, elementType: bpmnType(element) };
    const report = (message: string) => problems.push({ ...where, message });
    if (element.trigger?.kind === 'compensation') {
      if (element.kind === 'boundaryEvent') checkBoundary(graph, element, report);
      if (element.kind === 'startEvent') report('a compensation start event (a compensation event sub-process) is not supported: Zeebe does not run it');
      if (element.trigger.activityRef !== undefined) checkActivityRef(graph, element, element.trigger.activityRef, report);
    }
    if (element.forCompensation) checkHandler(element, report);
  }
}

function checkBoundary(graph: ModelGraph, boundary: ElementDefinition, report: (message: string) => void): void {
  const associated = graph.associations.filter((a) => a.sourceId === boundary.id);
  if (boundary.outgoing.length > 0 || associated.length === 0) {
    report('a compensation boundary event needs an association to its compensation handler and no outgoing sequence flow');
  }
  for (const { targetId } of associated) {
    if (!graph.elements[targetId]?.forCompensation) report(`the compensation handler "${targetId}" is not an activity marked for compensation (isForCompensation="true")`);
  }
  const host = graph.elements[boundary.attachedTo ?? ''];
  const others = (host?.boundaryEvents ?? []).filter((id) => id !== boundary.id && graph.elements[id]?.trigger?.kind === 'compensation');
  if (others.length > 0) report(`the activity ${host?.id ?? ''} has more than one compensation boundary event`);
}

function checkHandler(handler: ElementDefinition, report: (message: string) => void): void {
  if (!HANDLER_KINDS.has(handler.kind)) report(`a ${handler.kind} cannot be a compensation handler (a task, user, service, send, script or manual task, a sub-process or a call activity can)`);
  if (handler.incoming.length > 0) report('a compensation handler cannot have incoming sequence flows');
  if (handler.outgoing.length > 0) report('a compensation handler cannot have outgoing sequence flows');
  if (handler.boundaryEvents.length > 0) report('a compensation handler cannot have boundary events');
}

function checkActivityRef(graph: ModelGraph, thrower: ElementDefinition, activityRef: string, report: (message: string) => void): void {
  const activity = graph.elements[activityRef];
  if (!activity) {
    report(`the compensation activity "${activityRef}" does not exist`);
    return;
  }
  const isEmbeddedSubProcess = activity.kind === 'subProcess' && !activity.triggeredByEvent;
  if (!activity.compensation && !isEmbeddedSubProcess) report(`the compensation activity "${activityRef}" has no compensation boundary event and is not a sub-process`);
  const scope = graph.elements[thrower.scopeId];
  const sameScope = activity.scopeId === thrower.scopeId || (scope?.triggeredByEvent === true && activity.scopeId === scope.scopeId);
  if (!sameScope) report(`the compensation activity "${activityRef}" is not in the scope of the compensation event`);
}

function bpmnType(element: ElementDefinition): string {
  return `bpmn:${element.kind.charAt(0).toUpperCase()}${element.kind.slice(1)}`;
}
