import type { TimerDefinition } from '../model/process-model';
import type { CaseRun } from '../runtime/case-run';
import type { TimerPurpose } from '../state/case-state';
import { evaluateValue, ExpressionFailure } from './expressions';
import { addIsoDuration, parseIsoDuration } from './iso-duration';
import { addWorkingDays } from './working-days';
import type { WorkingCalendar } from '@banjie/calendar';
import type { Variables } from '../lib/api';

/** When a timer is due, and for a cycle the repetitions left (-1 = unbounded) and interval. */
export interface TimerDue {
  dueAt: string;
  repetitions?: number;
  interval?: string;
}

const CYCLE = /^R(\d*)\/(?:([^/]+)\/)?(P[^/]+)$/;

/**
 * Works out when a timer is due from `now`: an ISO date, an ISO duration, an ISO cycle
 * (`R3/PT1H`, `R/2026-01-01T00:00:00Z/P1M`) or working days on the case's calendar.
 */
export function timerDue(run: CaseRun, timer: TimerDefinition, variables: Variables): TimerDue {
  return dueFrom(run.now, run.calendar, timer, variables);
}

/**
 * When a timer start event is next due after `now` — for the api's scheduler, which starts a
 * case with `StartCase { startEventId }` then. A value that is no timer is returned as `error`.
 */
export function nextTimerStart(timer: TimerDefinition, now: string, calendar: WorkingCalendar): TimerDue | { error: string } {
  try {
    return dueFrom(now, calendar, timer, {});
  } catch (e) {
    if (e instanceof ExpressionFailure) return { error: e.message };
    throw e;
  }
}

function dueFrom(now: string, calendar: WorkingCalendar, timer: TimerDefinition, variables: Variables): TimerDue {
  const raw = evaluateValue(timer.expression, variables);
  switch (timer.kind) {
    case 'workingDays': {
      const days = Number(raw);
      if (!Number.isFinite(days) || days < 0) throw new ExpressionFailure(`"${timer.expression}" is not a number of working days`);
      return { dueAt: addWorkingDays(calendar, now, days) };
    }
    case 'date': {
      const time = Date.parse(String(raw));
      if (Number.isNaN(time)) throw new ExpressionFailure(`"${String(raw)}" is not an ISO date and time`);
      return { dueAt: new Date(time).toISOString() };
    }
    case 'duration':
      return { dueAt: afterDuration(now, String(raw)) };
    case 'cycle':
      return cycleDue(now, String(raw));
  }
}

/** The next occurrence of a cycle after a firing, or undefined when no repetition is left. */
export function nextCycle(firedAt: string, repetitions: number, interval: string): TimerDue | undefined {
  if (repetitions === 0) return undefined;
  return { dueAt: afterDuration(firedAt, interval), repetitions: repetitions < 0 ? -1 : repetitions - 1, interval };
}

/** Schedules a timer owned by an element instance (or by the case for its own scope). */
export function scheduleTimer(run: CaseRun, elementId: string, elementInstanceId: string, due: TimerDue, purpose: TimerPurpose = 'timer'): string {
  const timerId = run.newId();
  run.emit('TimerScheduled', {
    timerId,
    elementId,
    dueAt: due.dueAt,
    purpose,
    elementInstanceId,
    ...(due.repetitions !== undefined ? { repetitions: due.repetitions } : {}),
    ...(due.interval ? { interval: due.interval } : {}),
  });
  return timerId;
}

function afterDuration(from: string, text: string): string {
  const duration = parseIsoDuration(text);
  if (!duration) throw new ExpressionFailure(`"${text}" is not an ISO-8601 duration`);
  const due = addIsoDuration(from, duration);
  if (!due) throw new ExpressionFailure(`"${text}" from ${from} is out of the range of dates`);
  return due;
}

function cycleDue(now: string, text: string): TimerDue {
  const match = CYCLE.exec(text.trim());
  if (!match) throw new ExpressionFailure(`"${text}" is not an ISO-8601 repeating interval (R<n>/<duration>)`);
  const total = match[1] === '' ? -1 : Number(match[1]);
  const interval = match[3];
  if (!parseIsoDuration(interval)) throw new ExpressionFailure(`"${interval}" is not an ISO-8601 duration`);
  const start = match[2] ? Date.parse(match[2]) : NaN;
  const dueAt = !Number.isNaN(start) && start > Date.parse(now) ? new Date(start).toISOString() : afterDuration(now, interval);
  return { dueAt, repetitions: total < 0 ? -1 : Math.max(total - 1, 0), interval };
}
