import type { Variables } from '../lib/api';
import type { ElementDefinition } from '../model/process-model';
import type { CaseRun } from '../runtime/case-run';
import type { ElementInstance } from '../state/case-state';
import { innerOf } from './transitions';
import { triggerBoundary, triggerEventSubProcess, triggerWait } from './triggers';

type Catchable = 'error' | 'escalation';

/** The element that catches an error or escalation thrown by an instance, and where. */
interface Catcher {
  element: ElementDefinition;
  /** The scope (event sub-process) or the activity (boundary event) it belongs to. */
  ownerId: string;
  boundaryHost?: ElementInstance;
}

/**
 * Throws a BPMN error from an instance to the innermost event sub-process or boundary event
 * that catches its code. Returns false when nothing catches it (the caller raises an incident).
 * An error thrown by an activity's job is first offered to that activity's own boundary events.
 */
export function throwError(run: CaseRun, thrower: ElementInstance, code: string | undefined, variables: Variables = {}, fromActivity = false): boolean {
  const catcher = findCatcher(run, thrower, 'error', code, fromActivity);
  if (!catcher) return false;
  fire(run, catcher, variables);
  return true;
}

/**
 * Throws an escalation. Returns true when the thrower goes on (nothing caught it, or a
 * non-interrupting catcher did), false when an interrupting catcher ended it.
 */
export function throwEscalation(run: CaseRun, thrower: ElementInstance, code: string | undefined): boolean {
  const catcher = findCatcher(run, thrower, 'escalation', code);
  if (catcher) fire(run, catcher);
  return run.instance(thrower.id) !== undefined;
}

/** A signal thrown inside the case reaches every open signal subscription with its name. */
export function broadcastSignalInCase(run: CaseRun, signalName: string, variables: Variables): number {
  const subscriptions = run.state.signalSubscriptions.filter((s) => s.signalName === signalName);
  for (const subscription of subscriptions) {
    if (!run.state.signalSubscriptions.includes(subscription)) continue;
    if (subscription.elementInstanceId !== run.state.caseId && !run.instance(subscription.elementInstanceId)) continue;
    triggerWait(run, subscription.elementInstanceId, subscription.elementId, variables);
  }
  return subscriptions.length;
}

function fire(run: CaseRun, catcher: Catcher, variables: Variables = {}): void {
  if (catcher.boundaryHost) triggerBoundary(run, catcher.boundaryHost, catcher.element, variables);
  else triggerEventSubProcess(run, catcher.ownerId, catcher.element, variables);
}

function findCatcher(run: CaseRun, thrower: ElementInstance, kind: Catchable, code: string | undefined, fromActivity = false): Catcher | undefined {
  let scopeId = fromActivity ? thrower.id : thrower.scopeId;
  for (;;) {
    const model = run.model(run.modelRefOfScope(scopeId));
    for (const startId of run.scopeDefinition(scopeId)?.eventSubProcessStarts ?? []) {
      const start = model.elements[startId];
      // an event sub-process does not catch what is thrown from inside itself
      if (catches(start, kind, code) && !isInside(run, thrower, start.scopeId, scopeId)) return { element: start, ownerId: scopeId };
    }
    const scope = run.instance(scopeId);
    if (!scope) return undefined;
    if (!innerOf(run, scope)) {
      const hostModel = run.model(scope.model);
      for (const boundaryId of hostModel.elements[scope.elementId]?.boundaryEvents ?? []) {
        const boundary = hostModel.elements[boundaryId];
        if (catches(boundary, kind, code)) return { element: boundary, ownerId: scope.id, boundaryHost: scope };
      }
    }
    scopeId = scope.scopeId;
  }
}

function catches(element: ElementDefinition, kind: Catchable, code: string | undefined): boolean {
  const trigger = element.trigger;
  if (trigger?.kind !== kind) return false;
  const expected = kind === 'error' ? trigger.errorCode : trigger.escalationCode;
  return expected === undefined || expected === code;
}

function isInside(run: CaseRun, thrower: ElementInstance, eventSubProcessId: string, scopeId: string): boolean {
  let current: ElementInstance | undefined = thrower;
  while (current && current.scopeId !== scopeId) current = run.instance(current.scopeId);
  return current?.elementId === eventSubProcessId;
}
