import type { Variables } from '../lib/api';
import type { ElementDefinition } from '../model/process-model';
import type { CaseRun } from '../runtime/case-run';
import { evaluateValue } from './expressions';
import { nextCycle, scheduleTimer, timerDue } from './timers';

/**
 * Opens what a catch element waits for (a timer, a message or signal subscription), owned by
 * an element instance: the catch event itself, the activity a boundary event sits on, an
 * event-based gateway, or the scope of an event sub-process. Opening twice is a no-op, so a
 * step retried after an incident does not open it again.
 */
export function openWait(run: CaseRun, catchElement: ElementDefinition, ownerId: string, variables: Variables): void {
  const trigger = catchElement.trigger;
  if (!trigger || hasWait(run, catchElement.id, ownerId)) return;
  if (trigger.kind === 'timer' && trigger.timer) {
    scheduleTimer(run, catchElement.id, ownerId, timerDue(run, trigger.timer, variables));
  } else if (trigger.kind === 'message' && trigger.messageName) {
    const key = trigger.correlationKey === undefined ? '' : evaluateValue(trigger.correlationKey, variables);
    run.emit('MessageSubscriptionOpened', {
      subscriptionId: run.newId(),
      messageName: trigger.messageName,
      correlationKey: key === null || key === undefined ? '' : String(key),
      elementId: catchElement.id,
      elementInstanceId: ownerId,
    });
  } else if (trigger.kind === 'signal' && trigger.signalName) {
    run.emit('SignalSubscriptionOpened', { subscriptionId: run.newId(), signalName: trigger.signalName, elementId: catchElement.id, elementInstanceId: ownerId });
  }
}

/** Schedules the next occurrence of a cycle timer that just fired, if any is left. */
export function repeatCycle(run: CaseRun, fired: { elementId: string; elementInstanceId?: string; repetitions?: number; interval?: string }): void {
  if (!fired.interval || fired.repetitions === undefined || !fired.elementInstanceId) return;
  const next = nextCycle(run.now, fired.repetitions, fired.interval);
  if (next) scheduleTimer(run, fired.elementId, fired.elementInstanceId, next);
}

/**
 * Closes everything an instance owns: timers, subscriptions, jobs and tasks still open. With
 * `onlyElements`, only the waits of those catch elements are closed.
 */
export function closeWaits(run: CaseRun, ownerId: string, onlyElements?: ReadonlySet<string>): void {
  const keep = (elementId: string) => onlyElements !== undefined && !onlyElements.has(elementId);
  for (const timer of run.state.timers) {
    if (timer.elementInstanceId === ownerId && !keep(timer.elementId)) run.emit('TimerCancelled', { timerId: timer.timerId });
  }
  for (const sub of run.state.messageSubscriptions) {
    if (sub.elementInstanceId === ownerId && !keep(sub.elementId)) run.emit('MessageSubscriptionClosed', { subscriptionId: sub.subscriptionId });
  }
  for (const sub of run.state.signalSubscriptions) {
    if (sub.elementInstanceId === ownerId && !keep(sub.elementId)) run.emit('SignalSubscriptionClosed', { subscriptionId: sub.subscriptionId });
  }
  if (onlyElements) return;
  for (const job of run.state.jobs) {
    if (job.elementInstanceId === ownerId) run.emit('JobCancelled', { jobId: job.jobId });
  }
  for (const task of run.state.tasks) {
    if (task.elementInstanceId === ownerId) run.emit('TaskCancelled', { taskId: task.taskId, at: run.now });
  }
}

function hasWait(run: CaseRun, elementId: string, ownerId: string): boolean {
  const owned = (w: { elementId: string; elementInstanceId?: string }) => w.elementId === elementId && w.elementInstanceId === ownerId;
  return (
    run.state.timers.some((t) => t.purpose === 'timer' && owned(t)) ||
    run.state.messageSubscriptions.some(owned) ||
    run.state.signalSubscriptions.some(owned)
  );
}
