import type { ElementDefinition } from '../model/process-model';
import type { CaseRun } from '../runtime/case-run';
import type { CompensationSubscriptionState, ElementInstance } from '../state/case-state';
import { activate, innerOf, leave } from './transitions';

/**
 * Compensation as Zeebe runs it (its `BpmnCompensationSubscriptionBehaviour`): a completed
 * activity with a compensation boundary event, or a completed sub-process or multi-instance
 * body with compensable activities inside, leaves a subscription in its scope. A compensation
 * throw or end event triggers the subscriptions of its scope at once (all, or its `activityRef`'s),
 * each running its handler in the throw event's scope and reaching down into what completed
 * inside it; the throw event completes when the last handler has.
 */

/**
 * After `instance` completed: a compensation handler completes its subscription, an activity
 * that can be compensated is subscribed, and a called process's own subscriptions go with it
 * (Zeebe does not compensate inside a child process from its parent).
 */
export function recordCompensation(run: CaseRun, instance: ElementInstance, element: ElementDefinition): void {
  if (element.forCompensation) completeCompensationHandler(run, instance);
  subscribeCompensation(run, instance, element);
  if (element.kind === 'callActivity' && instance.elementType !== 'multiInstanceBody') deleteCompensations(run, instance.id);
}

function subscribeCompensation(run: CaseRun, instance: ElementInstance, element: ElementDefinition): void {
  const isBody = instance.elementType === 'multiInstanceBody';
  // the boundary events of a multi-instance activity belong to its body, as in Zeebe
  const handlerId = isBody || !innerOf(run, instance) ? element.compensation?.handlerId : undefined;
  const isContainer = isBody || (element.kind === 'subProcess' && !element.triggeredByEvent);
  const holdsSubscriptions = isContainer && (run.state.compensations ?? []).some((s) => s.scopeId === instance.id);
  if (!handlerId && !holdsSubscriptions) return;
  run.emit('CompensationSubscribed', {
    subscriptionId: run.newId(),
    activityId: element.id,
    activityInstanceId: instance.id,
    scopeId: instance.scopeId,
    ...(handlerId ? { handlerId } : {}),
    ...(instance.model ? { model: instance.model } : {}),
  });
}

/**
 * A compensation throw or end event: triggers the subscriptions of its scope (and, inside an
 * event sub-process, of the scope around it). Returns false when there is nothing to compensate
 * (the event goes on at once), true when it waits for the handlers.
 */
export function throwCompensation(run: CaseRun, thrower: ElementInstance, element: ElementDefinition): boolean {
  const open = (run.state.compensations ?? []).filter((s) => s.throwEventInstanceId === undefined);
  if (open.length === 0) return false;
  const scopes = compensationScopes(run, thrower);
  const activityRef = element.trigger?.activityRef;
  const triggered = open.filter((s) => scopes.includes(s.scopeId) && (activityRef === undefined || s.activityId === activityRef));
  for (const subscription of triggered) trigger(run, thrower, open, subscription);
  return triggered.length > 0;
}

/** After a compensation handler completed: its subscription completes, and the throw event once none is left. */
function completeCompensationHandler(run: CaseRun, handler: ElementInstance): void {
  const subscription = run.state.compensations?.find((s) => s.handlerInstanceId === handler.id);
  if (!subscription) return;
  run.emit('CompensationCompleted', { subscriptionId: subscription.subscriptionId });
  completeEmptiedScopes(run, subscription.scopeId);
  const throwEventInstanceId = subscription.throwEventInstanceId;
  if (run.state.compensations?.some((s) => s.throwEventInstanceId === throwEventInstanceId)) return;
  run.later(() => {
    const thrower = throwEventInstanceId ? run.instance(throwEventInstanceId) : undefined;
    if (thrower) leave(run, thrower);
  });
}

/**
 * A scope instance is terminated or a called process ended: the subscriptions of what completed
 * inside it go (recursively), as Zeebe deletes them.
 */
export function deleteCompensations(run: CaseRun, scopeId: string): void {
  for (const subscription of run.state.compensations ?? []) {
    if (subscription.scopeId !== scopeId) continue;
    run.emit('CompensationDeleted', { subscriptionId: subscription.subscriptionId });
    deleteCompensations(run, subscription.activityInstanceId);
  }
}

/** The throw event's scope; inside an event sub-process, also the scope around it (Zeebe). */
function compensationScopes(run: CaseRun, thrower: ElementInstance): string[] {
  const scope = run.instance(thrower.scopeId);
  if (scope && run.model(scope.model).elements[scope.elementId]?.triggeredByEvent === true) return [thrower.scopeId, scope.scopeId];
  return [thrower.scopeId];
}

function trigger(run: CaseRun, thrower: ElementInstance, open: readonly CompensationSubscriptionState[], subscription: CompensationSubscriptionState): void {
  const handlerInstanceId = subscription.handlerId ? passBoundaryEvent(run, thrower, subscription) : undefined;
  run.emit('CompensationTriggered', {
    subscriptionId: subscription.subscriptionId,
    throwEventId: thrower.elementId,
    throwEventInstanceId: thrower.id,
    ...(handlerInstanceId ? { handlerInstanceId } : {}),
  });
  if (subscription.handlerId && handlerInstanceId) {
    const handlerId = subscription.handlerId;
    run.later(() => void activate(run, { elementId: handlerId, scopeId: thrower.scopeId, model: subscription.model, instanceId: handlerInstanceId }), thrower.scopeId);
  }
  // what completed inside a compensated sub-process or body is compensated with it
  for (const inner of open) if (inner.scopeId === subscription.activityInstanceId) trigger(run, thrower, open, inner);
}

/** The compensation boundary event is activated and completed at once (as in Zeebe); returns the id the handler will run as. */
function passBoundaryEvent(run: CaseRun, thrower: ElementInstance, subscription: CompensationSubscriptionState): string {
  const boundaryEventId = run.model(subscription.model).elements[subscription.activityId]?.compensation?.boundaryEventId;
  if (boundaryEventId) {
    const id = run.newId();
    run.emit('ElementActivated', {
      elementInstanceId: id,
      elementId: boundaryEventId,
      elementType: 'boundaryEvent',
      scopeId: thrower.scopeId,
      at: run.now,
      ...(subscription.model ? { model: subscription.model } : {}),
    });
    run.emit('ElementCompleted', { elementInstanceId: id, elementId: boundaryEventId, at: run.now });
  }
  return run.newId();
}

/** Bottom-up: a sub-process or body subscription without a handler completes once nothing inside it is left. */
function completeEmptiedScopes(run: CaseRun, scopeId: string): void {
  const compensations = run.state.compensations ?? [];
  if (compensations.some((s) => s.scopeId === scopeId)) return;
  const container = compensations.find((s) => s.activityInstanceId === scopeId && s.handlerId === undefined);
  if (!container) return;
  run.emit('CompensationCompleted', { subscriptionId: container.subscriptionId });
  completeEmptiedScopes(run, container.scopeId);
}
