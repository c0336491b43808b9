import type { Variables } from '../lib/api';
import type { ElementDefinition, ProcessModel } from '../model/process-model';
import { processorOf } from '../processors/processor-registry';
import type { CaseRun } from '../runtime/case-run';
import type { ElementInstance, ModelRef } from '../state/case-state';
import { deleteCompensations, recordCompensation } from './compensation';
import { evaluateCondition } from './expressions';
import { guarded } from './incidents';
import { clearDeadline, pauseClock, resumeClock, startDeadline } from './legal-clock';
import { evaluateMappings, propagateVariables, setLocalVariables, visibleVariables } from './variables';
import { closeWaits, openWait } from './waits';

/** A token about to enter an element. */
export interface Activation {
  elementId: string;
  scopeId: string;
  model?: ModelRef;
  /** Inner instance of a multi-instance activity. */
  loopCounter?: number;
  localVariables?: Variables;
  consumedFlows?: string[];
  /** The event already happened (a triggered catch, boundary or start event): leave at once. */
  triggered?: boolean;
  /** A compensation handler: the instance id its `CompensationTriggered` already named. */
  instanceId?: string;
}

/** The element type recorded for an instance: a multi-instance activity runs in a body first. */
function instanceType(element: ElementDefinition, activation: Activation): string {
  return element.multiInstance && activation.loopCounter === undefined && !activation.triggered ? 'multiInstanceBody' : element.kind;
}

/** Activates an element: `ElementActivated`, then its work (or, when triggered, its completion). */
export function activate(run: CaseRun, activation: Activation): ElementInstance {
  const element = run.model(activation.model).elements[activation.elementId];
  const id = activation.instanceId ?? run.newId();
  run.emit('ElementActivated', {
    elementInstanceId: id,
    elementId: element.id,
    elementType: instanceType(element, activation),
    scopeId: activation.scopeId,
    at: run.now,
    ...(activation.model ? { model: activation.model } : {}),
    ...(activation.loopCounter !== undefined ? { loopCounter: activation.loopCounter } : {}),
    ...(activation.consumedFlows ? { consumedFlows: activation.consumedFlows } : {}),
  });
  const instance = run.instance(id) as ElementInstance;
  if (activation.localVariables) setLocalVariables(run, id, activation.localVariables);
  if (activation.triggered) leave(run, instance);
  else enter(run, instance);
  return instance;
}

/**
 * The activation steps shared by every element: input mappings, boundary events, legal limit,
 * clock pause, then the processor. Every step is safe to run again after an incident.
 */
export function enter(run: CaseRun, instance: ElementInstance): void {
  guarded(run, instance, 'activate', () => {
    const element = run.element(instance);
    const isBody = instance.elementType === 'multiInstanceBody';
    if (!isBody) {
      if (element.inputs.length > 0) setLocalVariables(run, instance.id, evaluateMappings(element.inputs, visibleVariables(run, instance.id)));
      if (element.legalLimit && element.kind !== 'userTask') {
        startDeadline(run, { instanceId: instance.id, elementId: element.id }, element.legalLimit, visibleVariables(run, instance.id));
      }
      if (element.pausesClock && !run.state.clock.pausedAt) pauseClock(run, `${element.name ?? element.id} waits`, instance.id);
    }
    if (!isInnerInstance(run, instance)) {
      const model = run.model(instance.model);
      for (const boundaryId of element.boundaryEvents) openWait(run, model.elements[boundaryId], instance.id, visibleVariables(run, instance.scopeId));
    }
    processorOf(instance).onActivate(run, instance, element);
  });
}

/** Options of `leave`. */
export interface LeaveOptions {
  /** The outgoing flows to take (gateways choose); default: the element's outgoing flows. */
  flows?: readonly string[];
  /** The targets are catch events that already happened (event-based gateway). */
  triggeredTargets?: boolean;
}

/**
 * Completes an instance: output mappings, its waits closed, `ElementCompleted`, then its
 * outgoing flows (or the multi-instance body it belongs to, or its scope's settlement).
 */
export function leave(run: CaseRun, instance: ElementInstance, options: LeaveOptions = {}): void {
  guarded(run, instance, 'complete', () => {
    const element = run.element(instance);
    const isBody = instance.elementType === 'multiInstanceBody';
    const outputs = !isBody && element.outputs.length > 0 ? evaluateMappings(element.outputs, visibleVariables(run, instance.id)) : {};
    const model = run.model(instance.model);
    const body = innerOf(run, instance);
    const flows = body ? [] : (options.flows ?? selectOutgoing(model, element, { ...visibleVariables(run, instance.id), ...outputs }));
    const bodyDone = body ? processorOf(body).onInnerCompleting?.(run, body, run.element(body), instance) === true : false;
    if (Object.keys(outputs).length > 0) propagateVariables(run, instance.scopeId, outputs);
    endWaits(run, instance);
    run.emit('ElementCompleted', { elementInstanceId: instance.id, elementId: instance.elementId, at: run.now });
    if (element.compensation || run.state.compensations) recordCompensation(run, instance, element);
    if (body) {
      processorOf(body).onInnerCompleted?.(run, body, run.element(body), bodyDone);
      return;
    }
    takeFlows(run, instance.scopeId, model, flows, instance.model, options.triggeredTargets === true);
    if (flows.length === 0) settleLater(run, instance.scopeId);
  });
}

/**
 * Terminates an instance and everything inside it, closing all it waits for. Its open incidents
 * are resolved with it, as Zeebe resolves the incidents of a terminated element.
 */
export function terminate(run: CaseRun, instance: ElementInstance): void {
  for (const child of run.childrenOf(instance.id)) terminate(run, child);
  if (run.state.compensations) deleteCompensations(run, instance.id);
  endWaits(run, instance);
  for (const incident of run.state.incidents) {
    if (incident.elementInstanceId === instance.id) run.emit('IncidentResolved', { incidentId: incident.incidentId });
  }
  run.emit('ElementTerminated', { elementInstanceId: instance.id, elementId: instance.elementId, at: run.now });
}

/** Takes flows out of an element in a scope; joining gateways record an arrival and wait. */
function takeFlows(run: CaseRun, scopeId: string, model: ProcessModel, flows: readonly string[], ref: ModelRef | undefined, triggered = false): void {
  for (const flowId of flows) {
    const target = model.elements[model.flows[flowId].targetRef];
    const joins = isJoin(target);
    run.emit('SequenceFlowTaken', { flowId, at: run.now, scopeId, targetId: target.id, ...(joins ? { joins: true } : {}) });
    if (joins) run.later(() => tryJoin(run, scopeId, target, ref));
    else run.later(() => void activate(run, { elementId: target.id, scopeId, model: ref, triggered }), scopeId);
  }
}

/** Activates a joining gateway once the tokens it waits for are there. */
export function tryJoin(run: CaseRun, scopeId: string, gateway: ElementDefinition, ref: ModelRef | undefined): void {
  const arrived = run.state.arrivals.filter((a) => a.scopeId === scopeId && a.gatewayId === gateway.id).map((a) => a.flowId);
  if (arrived.length === 0 || run.state.status !== 'active') return;
  if (gateway.kind === 'parallelGateway') {
    if (gateway.incoming.every((flow) => arrived.includes(flow))) activate(run, { elementId: gateway.id, scopeId, model: ref, consumedFlows: [...gateway.incoming] });
    return;
  }
  const upstream = run.model(ref).upstream[gateway.id] ?? {};
  const missing = gateway.incoming.filter((flow) => !arrived.includes(flow));
  const stillComing = missing.length > 0 && (run.hasTokensInFlight(scopeId) || run.childrenOf(scopeId).some((i) => upstream[i.elementId]));
  if (!stillComing) activate(run, { elementId: gateway.id, scopeId, model: ref, consumedFlows: gateway.incoming.filter((flow) => arrived.includes(flow)) });
}

/** Re-checks waiting inclusive joins: a token they waited for may have gone elsewhere. */
export function settleInclusiveJoins(run: CaseRun): boolean {
  let activated = false;
  const waiting = new Map(run.state.arrivals.map((a) => [`${a.scopeId}/${a.gatewayId}`, a] as const));
  for (const arrival of waiting.values()) {
    const ref = run.modelRefOfScope(arrival.scopeId);
    const gateway = run.model(ref).elements[arrival.gatewayId];
    if (gateway?.kind !== 'inclusiveGateway') continue;
    const before = run.events.length;
    tryJoin(run, arrival.scopeId, gateway, ref);
    activated = activated || run.events.length > before;
  }
  return activated;
}

/** Checks, after the tokens in flight, whether a scope has nothing left running. */
function settleLater(run: CaseRun, scopeId: string): void {
  run.later(() => settleScope(run, scopeId));
}

function settleScope(run: CaseRun, scopeId: string): void {
  if (run.state.status !== 'active' || run.hasTokensInFlight(scopeId)) return;
  if (run.state.instances.some((i) => i.scopeId === scopeId)) return;
  if (run.state.arrivals.some((a) => a.scopeId === scopeId)) return;
  if (scopeId === run.state.caseId) {
    completeCase(run);
    return;
  }
  const scope = run.instance(scopeId);
  if (scope) processorOf(scope).onScopeSettled?.(run, scope, run.element(scope));
}

/**
 * A terminate end event ended a scope: once the steps queued before run, the scope completes
 * though tokens still waited at its joins (their arrivals go with the scope instance).
 */
export function completeScopeLater(run: CaseRun, scopeId: string): void {
  run.later(() => {
    const scope = run.instance(scopeId);
    if (run.state.status !== 'active' || !scope || run.state.instances.some((i) => i.scopeId === scopeId)) return;
    processorOf(scope).onScopeSettled?.(run, scope, run.element(scope));
  });
}

/** The case is done: its own waits close and `CaseCompleted` is recorded. */
export function completeCase(run: CaseRun): void {
  endWaits(run, { id: run.state.caseId } as ElementInstance);
  run.emit('CaseCompleted', { endedAt: run.now });
}

/** Closes an instance's waits, its deadline and the clock pause it holds. */
export function endWaits(run: CaseRun, instance: Pick<ElementInstance, 'id'>): void {
  closeWaits(run, instance.id);
  clearDeadline(run, instance.id);
  if (run.state.clock.pausedBy === instance.id) resumeClock(run);
}

/** The multi-instance body of an inner instance, if it is one. */
export function innerOf(run: CaseRun, instance: ElementInstance): ElementInstance | undefined {
  const parent = run.instance(instance.scopeId);
  return parent?.elementType === 'multiInstanceBody' && parent.elementId === instance.elementId ? parent : undefined;
}

function isInnerInstance(run: CaseRun, instance: ElementInstance): boolean {
  return innerOf(run, instance) !== undefined;
}

function isJoin(element: ElementDefinition): boolean {
  return (element.kind === 'parallelGateway' || element.kind === 'inclusiveGateway') && element.incoming.length > 1;
}

/**
 * The flows an activity or event leaves by: all unconditional flows and every flow whose
 * condition holds; the default flow only when no other is taken.
 */
function selectOutgoing(model: ProcessModel, element: ElementDefinition, variables: Variables): string[] {
  if (element.kind.endsWith('Gateway')) return [...element.outgoing];
  const taken: string[] = [];
  for (const flowId of element.outgoing) {
    if (flowId === element.defaultFlow) continue;
    const condition = model.flows[flowId]?.condition;
    if (condition === undefined || evaluateCondition(condition, variables)) taken.push(flowId);
  }
  if (taken.length === 0 && element.defaultFlow) taken.push(element.defaultFlow);
  return taken;
}
