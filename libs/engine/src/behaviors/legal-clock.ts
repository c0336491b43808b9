import type { Variables } from '../lib/api';
import type { LegalLimitDefinition } from '../model/process-model';
import type { CaseRun } from '../runtime/case-run';
import type { CalendarChangeRef } from '../events/engine-events';
import type { DeadlineState } from '../state/case-state';
import { evaluateValue, ExpressionFailure } from './expressions';
import { scheduleTimer } from './timers';
import { addWorkingDays, MAX_WORKING_DAYS } from './working-days';
import { findDeadline } from '../state/case-state-queries';

/** The deadline an element instance got from its legal limit. */
export interface StartedDeadline {
  dueAt: string;
  limitWorkingDays: number;
}

/**
 * Starts the legal clock of an instance with a `banjie:legalLimit`: records the deadline and
 * schedules the yellow and red warnings. Starting an instance's deadline twice is a no-op.
 */
export function startDeadline(
  run: CaseRun,
  owner: { instanceId: string; elementId: string; taskId?: string },
  limit: LegalLimitDefinition,
  variables: Variables,
): StartedDeadline {
  const existing = findDeadline(run.state, owner.instanceId);
  if (existing) return { dueAt: existing.dueAt, limitWorkingDays: existing.limitWorkingDays };
  const days = Number(evaluateValue(limit.workingDays, variables));
  if (!Number.isFinite(days) || days <= 0) throw new ExpressionFailure(`the legal limit "${limit.workingDays}" is not a positive number of working days`);
  const calendar = run.calendar;
  const dueAt = addWorkingDays(calendar, run.now, days);
  const yellowAt = addWorkingDays(calendar, run.now, days * limit.yellowAt);
  run.emit('DeadlineSet', {
    elementInstanceId: owner.instanceId,
    elementId: owner.elementId,
    ...(owner.taskId ? { taskId: owner.taskId } : {}),
    limitWorkingDays: days,
    startedAt: run.now,
    yellowAt,
    dueAt,
  });
  scheduleTimer(run, owner.elementId, owner.instanceId, { dueAt: yellowAt }, 'deadline-yellow');
  scheduleTimer(run, owner.elementId, owner.instanceId, { dueAt }, 'deadline-red');
  return { dueAt, limitWorkingDays: days };
}

/** Ends an instance's deadline (its timers are cancelled with the instance's other waits). */
export function clearDeadline(run: CaseRun, instanceId: string): void {
  if (findDeadline(run.state, instanceId)) run.emit('DeadlineCleared', { elementInstanceId: instanceId });
}

/** Pauses the legal clock (补正时间不计入时限). */
export function pauseClock(run: CaseRun, reason: string, byInstanceId?: string): void {
  run.emit('ClockPaused', { at: run.now, reason, ...(byInstanceId ? { elementInstanceId: byInstanceId } : {}) });
}

/**
 * Resumes the legal clock: every open deadline moves by the working days the pause lasted and
 * its warnings not yet raised are scheduled again.
 */
export function resumeClock(run: CaseRun): void {
  const pausedAt = run.state.clock.pausedAt;
  if (!pausedAt) return;
  const paused = Math.max(0, run.calendar.workingDaysBetween(pausedAt, run.now));
  run.emit('ClockResumed', { at: run.now, pausedWorkingDays: paused });
  for (const deadline of run.state.deadlines) shiftDeadline(run, deadline, paused);
}

/**
 * Counts every open deadline that has not yet passed again on the run's calendar (which changed:
 * a notice or a zone override was loaded) and re-sets those that moved, naming the change; their
 * warnings not yet raised move with them. A deadline already passed is not rewritten.
 */
export function recomputeDeadlines(run: CaseRun, calendarChange: CalendarChangeRef): void {
  const nowMs = Date.parse(run.now);
  for (const deadline of run.state.deadlines) {
    if (Date.parse(deadline.dueAt) <= nowMs) continue;
    const { dueAt, yellowAt } = countDeadline(run, deadline, deadline.extendedWorkingDays);
    if (dueAt === deadline.dueAt && yellowAt === deadline.yellowAt) continue;
    setDeadline(run, deadline, { dueAt, yellowAt, extended: deadline.extendedWorkingDays, calendarChange });
  }
}

function countDeadline(run: CaseRun, deadline: DeadlineState, extended: number): { dueAt: string; yellowAt: string } {
  const calendar = run.calendar;
  const fraction = yellowFraction(run, deadline);
  return {
    dueAt: calendar.addWorkingDays(deadline.startedAt, Math.min(deadline.limitWorkingDays + extended, MAX_WORKING_DAYS)),
    yellowAt: calendar.addWorkingDays(deadline.startedAt, Math.min(deadline.limitWorkingDays * fraction + extended, MAX_WORKING_DAYS)),
  };
}

function shiftDeadline(run: CaseRun, deadline: DeadlineState, paused: number): void {
  const extended = deadline.extendedWorkingDays + paused;
  const next = { ...countDeadline(run, deadline, extended), extended };
  if (paused > 0) setDeadline(run, deadline, next);
  else rescheduleWarnings(run, deadline, next);
}

/** Re-sets a deadline at its new times (after a pause, or naming a calendar change) and moves its warnings not yet raised. */
function setDeadline(run: CaseRun, deadline: DeadlineState, next: { dueAt: string; yellowAt: string; extended: number; calendarChange?: CalendarChangeRef }): void {
  run.emit('DeadlineSet', {
    elementInstanceId: deadline.elementInstanceId,
    elementId: deadline.elementId,
    ...(deadline.taskId ? { taskId: deadline.taskId } : {}),
    limitWorkingDays: deadline.limitWorkingDays,
    startedAt: deadline.startedAt,
    yellowAt: next.yellowAt,
    dueAt: next.dueAt,
    ...(next.extended > 0 ? { extendedWorkingDays: next.extended } : {}),
    ...(next.calendarChange ? { calendarChange: next.calendarChange } : {}),
  });
  rescheduleWarnings(run, deadline, next);
}

/** Schedules again the warnings of a deadline that are not yet raised, at their new times. */
function rescheduleWarnings(run: CaseRun, deadline: DeadlineState, { dueAt, yellowAt }: { dueAt: string; yellowAt: string }): void {
  const levels = deadline.warning === 'none' ? (['deadline-yellow', 'deadline-red'] as const) : deadline.warning === 'yellow' ? (['deadline-red'] as const) : [];
  for (const purpose of levels) {
    const at = purpose === 'deadline-yellow' ? yellowAt : dueAt;
    const timer = run.state.timers.find((t) => t.purpose === purpose && t.elementInstanceId === deadline.elementInstanceId);
    if (timer && timer.dueAt === at) continue;
    if (timer) run.emit('TimerCancelled', { timerId: timer.timerId });
    scheduleTimer(run, deadline.elementId, deadline.elementInstanceId, { dueAt: at }, purpose);
  }
}

function yellowFraction(run: CaseRun, deadline: DeadlineState): number {
  const instance = run.instance(deadline.elementInstanceId);
  const limit = instance ? run.element(instance).legalLimit : run.rootModel.legalLimit;
  return limit?.yellowAt ?? 0.8;
}
