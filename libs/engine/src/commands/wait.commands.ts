import { broadcastSignalInCase } from '../behaviors/throw-events';
import { triggerWait, waitingElement } from '../behaviors/triggers';
import { repeatCycle } from '../behaviors/waits';
import type { CaseRun } from '../runtime/case-run';
import type { TimerState } from '../state/case-state';
import { isVariables, reject, type CommandHandler } from './command-handler';
import { findDeadline, findTimer } from '../state/case-state-queries';

/** A due timer fires: a warning for a deadline, else the element waiting for it goes on. One not yet due is refused. */
export const fireTimer: CommandHandler<'FireTimer'> = (run, command) => {
  const timer = findTimer(run.state, command.timerId);
  if (!timer) return reject('not_found', `no scheduled timer ${command.timerId}`);
  // as in Zeebe, a timer triggers only once it is due: the scheduler never fires one early
  if (Date.parse(run.now) < Date.parse(timer.dueAt)) return reject('invalid_state', `the timer ${command.timerId} is due at ${timer.dueAt}, not yet at ${run.now}`);
  run.emit('TimerFired', { timerId: timer.timerId, at: run.now });
  if (timer.purpose !== 'timer') return warnDeadline(run, timer);
  const owner = timer.elementInstanceId ?? run.state.caseId;
  // only a non-interrupting boundary or event sub-process timer fires again; an interrupting one ends what it sits on
  const repeats = waitingElement(run, owner, timer.elementId)?.interrupting === false;
  triggerWait(run, owner, timer.elementId, {});
  if (repeats && run.state.status === 'active' && (owner === run.state.caseId || run.instance(owner))) repeatCycle(run, timer);
};

/** A message for the case: the first open subscription with its name (and key) receives it. */
export const correlateMessage: CommandHandler<'CorrelateMessage'> = (run, command) => {
  if (command.variables !== undefined && !isVariables(command.variables)) return reject('invalid_variables', 'variables must be a JSON object');
  const subscription = run.state.messageSubscriptions.find(
    (s) => s.messageName === command.name && (command.correlationKey === undefined || s.correlationKey === command.correlationKey),
  );
  if (!subscription) return reject('not_found', `the case waits for no message "${command.name}" with key "${command.correlationKey ?? ''}"`);
  const variables = { ...(command.variables ?? {}) };
  run.emit('MessageCorrelated', {
    subscriptionId: subscription.subscriptionId,
    messageName: subscription.messageName,
    correlationKey: subscription.correlationKey,
    elementId: subscription.elementId,
    variables,
  });
  triggerWait(run, subscription.elementInstanceId, subscription.elementId, variables);
  return undefined;
};

/** A signal broadcast to the case reaches every subscription with its name. */
export const broadcastSignal: CommandHandler<'BroadcastSignal'> = (run, command) => {
  if (command.variables !== undefined && !isVariables(command.variables)) return reject('invalid_variables', 'variables must be a JSON object');
  if (!run.state.signalSubscriptions.some((s) => s.signalName === command.name)) return reject('not_found', `the case waits for no signal "${command.name}"`);
  broadcastSignalInCase(run, command.name, { ...(command.variables ?? {}) });
  return undefined;
};

function warnDeadline(run: CaseRun, timer: TimerState): void {
  const deadline = timer.elementInstanceId ? findDeadline(run.state, timer.elementInstanceId) : undefined;
  // while the legal clock is paused no warning is due: resuming schedules it again, shifted
  if (!deadline || run.state.clock.pausedAt) return;
  run.emit('DeadlineWarned', {
    elementInstanceId: deadline.elementInstanceId,
    elementId: deadline.elementId,
    ...(deadline.taskId ? { taskId: deadline.taskId } : {}),
    level: timer.purpose === 'deadline-yellow' ? 'yellow' : 'red',
    at: run.now,
  });
}
