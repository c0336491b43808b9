import type { Variables } from '../lib/api';
import type { ElementDefinition } from '../model/process-model';
import type { CaseRun } from '../runtime/case-run';
import type { ElementInstance } from '../state/case-state';
import { activate, leave, terminate } from './transitions';
import { propagateVariables } from './variables';
import { closeWaits } from './waits';

/**
 * A wait is over (a timer fired, a message or signal arrived): continue at the element that
 * waited, whoever owns the wait — a catch event or receive task, the activity of a boundary
 * event, an event-based gateway, or the scope of an event sub-process.
 */
export function triggerWait(run: CaseRun, ownerId: string, elementId: string, variables: Variables): void {
  const owner = run.instance(ownerId);
  const element = waitingElement(run, ownerId, elementId);
  if (!element) return;
  if (element.kind === 'startEvent') {
    triggerEventSubProcess(run, ownerId, element, variables);
  } else if (!owner) {
    return;
  } else if (element.kind === 'boundaryEvent') {
    triggerBoundary(run, owner, element, variables);
  } else if (owner.elementType === 'eventBasedGateway') {
    const flow = run.element(owner).outgoing.find((f) => run.model(owner.model).flows[f].targetRef === element.id);
    propagateVariables(run, owner.scopeId, variables);
    leave(run, owner, { flows: flow ? [flow] : [], triggeredTargets: true });
  } else if (owner.elementId === element.id) {
    propagateVariables(run, owner.id, variables);
    leave(run, owner);
  }
}

/**
 * The catch element of a wait: an event sub-process start lives in the owner's scope model,
 * anything else in the owner's own model.
 */
export function waitingElement(run: CaseRun, ownerId: string, elementId: string): ElementDefinition | undefined {
  const scopeModel = run.model(run.modelRefOfScope(ownerId));
  if (scopeModel.elements[elementId]?.kind === 'startEvent') return scopeModel.elements[elementId];
  return run.model(run.instance(ownerId)?.model).elements[elementId];
}

/** A boundary event fires: an interrupting one terminates its activity first. */
export function triggerBoundary(run: CaseRun, host: ElementInstance, boundary: ElementDefinition, variables: Variables): void {
  propagateVariables(run, host.scopeId, variables);
  if (boundary.interrupting !== false) terminate(run, host);
  activate(run, { elementId: boundary.id, scopeId: host.scopeId, model: host.model, triggered: true });
}

/**
 * An event sub-process starts in a scope: an interrupting one first terminates everything
 * else running in the scope and closes the scope's other event sub-process waits.
 */
export function triggerEventSubProcess(run: CaseRun, scopeId: string, start: ElementDefinition, variables: Variables): void {
  const ref = run.modelRefOfScope(scopeId);
  const model = run.model(ref);
  const scopeDefinition = run.scopeDefinition(scopeId);
  if (start.interrupting !== false) {
    for (const child of run.childrenOf(scopeId)) terminate(run, child);
    closeWaits(run, scopeId, new Set(scopeDefinition?.eventSubProcessStarts ?? []));
  }
  propagateVariables(run, scopeId, variables);
  const eventSubProcess = model.elements[start.scopeId];
  const instance = activate(run, { elementId: eventSubProcess.id, scopeId, model: ref });
  activate(run, { elementId: start.id, scopeId: instance.id, model: ref, triggered: true });
}
