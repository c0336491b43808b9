import type { CompensationSubscriptionState } from '../state/case-state';
import { removeWhere, replaceWhere, type Applier } from './applier';

/** A completed activity can be compensated: its subscription is kept, in completion order. */
export const applyCompensationSubscribed: Applier<'CompensationSubscribed'> = (state, data) => {
  const subscription: CompensationSubscriptionState = {
    subscriptionId: data.subscriptionId,
    activityId: data.activityId,
    activityInstanceId: data.activityInstanceId,
    scopeId: data.scopeId,
    ...(data.handlerId !== undefined ? { handlerId: data.handlerId } : {}),
    ...(data.model ? { model: data.model } : {}),
  };
  return { ...state, compensations: [...(state.compensations ?? []), subscription] };
};

/** A throw event triggered the subscription: it waits for the handler instance named. */
export const applyCompensationTriggered: Applier<'CompensationTriggered'> = (state, data) => ({
  ...state,
  compensations: replaceWhere(state.compensations ?? [], (s) => s.subscriptionId === data.subscriptionId, (s) => ({
    ...s,
    throwEventInstanceId: data.throwEventInstanceId,
    ...(data.handlerInstanceId !== undefined ? { handlerInstanceId: data.handlerInstanceId } : {}),
  })),
});

/** The subscription was compensated, or its scope was terminated: it goes. */
export const applyCompensationEnded: Applier<'CompensationCompleted' | 'CompensationDeleted'> = (state, data) => ({
  ...state,
  compensations: removeWhere(state.compensations ?? [], (s) => s.subscriptionId === data.subscriptionId),
});
