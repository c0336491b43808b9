import type { CaseState, ElementInstance, JoinArrival } from '../state/case-state';
import { findInstance } from '../state/case-state-queries';
import { removeWhere, replaceWhere, type Applier } from './applier';

/** A token enters an element: a new active instance (consuming waiting join arrivals). */
export const applyElementActivated: Applier<'ElementActivated'> = (state, data) => {
  const scopeId = data.scopeId ?? state.caseId;
  const instance: ElementInstance = {
    id: data.elementInstanceId,
    elementId: data.elementId,
    elementType: data.elementType,
    scopeId,
    since: data.at,
    ...(data.model ? { model: data.model } : {}),
    ...(data.loopCounter !== undefined ? { loopCounter: data.loopCounter } : {}),
  };
  const parent = findInstance(state, scopeId);
  const counted = parent?.elementType === 'multiInstanceBody' ? replaceWhere(state.instances, (i) => i.id === scopeId, (p) => ({ ...p, started: (p.started ?? 0) + 1 })) : state.instances;
  return {
    ...state,
    instances: [...counted, instance],
    arrivals: data.consumedFlows ? consume(state.arrivals, scopeId, data.elementId, data.consumedFlows) : state.arrivals,
  };
};

/** An element completes: its instance and local variables go, its completion is counted. */
export const applyElementCompleted: Applier<'ElementCompleted'> = (state, data) => {
  const instance = findInstance(state, data.elementInstanceId);
  const next = removeInstance(state, data.elementInstanceId);
  if (!instance) return next;
  const instances = replaceWhere(
    next.instances,
    (i) => i.id === instance.scopeId && i.elementType === 'multiInstanceBody',
    (body) => ({ ...body, completedCount: (body.completedCount ?? 0) + 1 }),
  );
  const counted = instance.elementType === 'multiInstanceBody' ? next.completed : { ...next.completed, [data.elementId]: (next.completed[data.elementId] ?? 0) + 1 };
  return { ...next, instances, completed: counted };
};

/** An element is terminated (interrupted, cancelled): its instance and local variables go. */
export const applyElementTerminated: Applier<'ElementTerminated'> = (state, data) => removeInstance(state, data.elementInstanceId);

/** A flow is taken; a token for a joining gateway waits there as an arrival. */
export const applySequenceFlowTaken: Applier<'SequenceFlowTaken'> = (state, data) => {
  const takenFlows = state.takenFlows.includes(data.flowId) ? state.takenFlows : [...state.takenFlows, data.flowId];
  if (!data.joins || !data.targetId) return { ...state, takenFlows };
  const arrival: JoinArrival = { scopeId: data.scopeId ?? state.caseId, gatewayId: data.targetId, flowId: data.flowId };
  return { ...state, takenFlows, arrivals: [...state.arrivals, arrival] };
};

/** A multi-instance body knows its items; none started yet. */
export const applyLoopCollectionResolved: Applier<'LoopCollectionResolved'> = (state, data) => ({
  ...state,
  instances: replaceWhere(state.instances, (i) => i.id === data.elementInstanceId, (body) => ({ ...body, collection: data.items, started: 0, completedCount: 0 })),
});

/** A call activity runs a called process: its inner elements belong to that model. */
export const applyCalledProcessStarted: Applier<'CalledProcessStarted'> = (state, data) => ({
  ...state,
  instances: replaceWhere(state.instances, (i) => i.id === data.elementInstanceId, (call) => ({ ...call, calledModel: { key: data.processId, version: data.version } })),
});

function removeInstance(state: CaseState, instanceId: string): CaseState {
  return {
    ...state,
    instances: removeWhere(state.instances, (i) => i.id === instanceId),
    variables: removeWhere(state.variables, (v) => v.scopeId === instanceId),
    arrivals: removeWhere(state.arrivals, (a) => a.scopeId === instanceId),
  };
}

function consume(arrivals: readonly JoinArrival[], scopeId: string, gatewayId: string, flows: readonly string[]): readonly JoinArrival[] {
  let remaining = arrivals;
  for (const flowId of flows) {
    const index = remaining.findIndex((a) => a.scopeId === scopeId && a.gatewayId === gatewayId && a.flowId === flowId);
    if (index >= 0) remaining = [...remaining.slice(0, index), ...remaining.slice(index + 1)];
  }
  return remaining;
}
