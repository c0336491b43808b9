import { removeWhere, type Applier } from './applier';

export const applyTimerScheduled: Applier<'TimerScheduled'> = (state, data) => ({
  ...state,
  timers: [
    ...state.timers,
    {
      timerId: data.timerId,
      elementId: data.elementId,
      dueAt: data.dueAt,
      purpose: data.purpose,
      ...(data.elementInstanceId ? { elementInstanceId: data.elementInstanceId } : {}),
      ...(data.repetitions !== undefined ? { repetitions: data.repetitions } : {}),
      ...(data.interval ? { interval: data.interval } : {}),
    },
  ],
});
export const applyTimerFired: Applier<'TimerFired'> = (state, data) => ({ ...state, timers: removeWhere(state.timers, (t) => t.timerId === data.timerId) });
export const applyTimerCancelled: Applier<'TimerCancelled'> = (state, data) => ({ ...state, timers: removeWhere(state.timers, (t) => t.timerId === data.timerId) });

export const applyMessageSubscriptionOpened: Applier<'MessageSubscriptionOpened'> = (state, data) => ({
  ...state,
  messageSubscriptions: [
    ...state.messageSubscriptions,
    {
      subscriptionId: data.subscriptionId,
      messageName: data.messageName,
      correlationKey: data.correlationKey,
      elementId: data.elementId,
      elementInstanceId: data.elementInstanceId,
    },
  ],
});
export const applyMessageSubscriptionClosed: Applier<'MessageSubscriptionClosed'> = (state, data) => ({
  ...state,
  messageSubscriptions: removeWhere(state.messageSubscriptions, (s) => s.subscriptionId === data.subscriptionId),
});

export const applySignalSubscriptionOpened: Applier<'SignalSubscriptionOpened'> = (state, data) => ({
  ...state,
  signalSubscriptions: [
    ...state.signalSubscriptions,
    { subscriptionId: data.subscriptionId, signalName: data.signalName, elementId: data.elementId, elementInstanceId: data.elementInstanceId },
  ],
});
export const applySignalSubscriptionClosed: Applier<'SignalSubscriptionClosed'> = (state, data) => ({
  ...state,
  signalSubscriptions: removeWhere(state.signalSubscriptions, (s) => s.subscriptionId === data.subscriptionId),
});
