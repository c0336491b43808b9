import type { TimerDefinition } from '../model/process-model';
import type { CaseRun } from '../runtime/case-run';
import type { TimerPurpose } from '../state/case-state';
import { evaluateValue, ExpressionFailure } from './expressions';
import { addIsoDuration, parseIsoDuration, type IsoDuration } from './iso-duration';
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
/** Occurrences of a cycle of months or years walked from its start at most (8,000 years of months). */
const MAX_WALKED_OCCURRENCES = 100_000;

/** An ISO-8601 date and time with its offset (Zeebe's timeDate; `Date.parse` alone would take "March 9"). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * Why a timer's literal (not FEEL) can never run, or undefined when it can: checked at compile so
 * that "15 minutes" is refused on deployment instead of raising an incident in every case.
 */
export function timerLiteralError(timer: TimerDefinition): string | undefined {
  const text = timer.expression.trim();
  switch (timer.kind) {
    case 'workingDays': {
      const days = Number(text);
      return Number.isFinite(days) && days >= 0 ? undefined : `"${text}" is not a number of working days`;
    }
    case 'date':
      return ISO_DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)) ? undefined : `"${text}" is not an ISO-8601 date and time with an offset (2026-03-09T09:00:00+08:00)`;
    case 'duration':
      return parseIsoDuration(text) ? undefined : `"${text}" is not an ISO-8601 duration (PT15M, P3D)`;
    case 'cycle':
      try {
        parseCycle(text);
        return undefined;
      } catch (e) {
        if (e instanceof ExpressionFailure) return e.message;
        throw e;
      }
  }
}

/**
 * Works out when a timer is due from `now`: an ISO date, an ISO duration, an ISO cycle
 * (`R3/PT1H`, `R/2026-01-01T00:00:00Z/P1M`) or working days on the case's calendar.
 */
export function timerDue(run: CaseRun, timer: TimerDefinition, variables: Variables): TimerDue {
  return dueFrom(run.now, run.calendar, timer, variables);
}

/**
 * When a timer start event is next due after `from` — for the api's scheduler, which starts a
 * case with `StartCase { startEventId }` then; undefined when a bounded cycle has no occurrence
 * left. A cycle anchored at a start keeps the anchor's rhythm: its occurrences are the start,
 * then one interval after another, and the first of them after `from` is due
 * (`R/2026-01-05T09:00:00+08:00/P1W` asked on Wednesday 7 January is due Monday 12 January);
 * a bounded cycle's repetitions count from its start, those before `from` included. A value
 * that is no timer is returned as `error`.
 */
export function nextTimerStart(timer: TimerDefinition, from: string, calendar: WorkingCalendar): TimerDue | undefined | { error: string } {
  try {
    return timer.kind === 'cycle' ? anchoredCycleDue(from, String(evaluateValue(timer.expression, {}))) : dueFrom(from, calendar, timer, {});
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
      return cycleDue(now, parseCycle(String(raw)));
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

/** An ISO-8601 repeating interval: repetitions (-1 = unbounded), optional start, interval. */
interface Cycle {
  total: number;
  start?: string;
  interval: string;
  duration: IsoDuration;
}

function parseCycle(text: string): Cycle {
  const match = CYCLE.exec(text.trim());
  if (!match) throw new ExpressionFailure(`"${text}" is not an ISO-8601 repeating interval (R<n>/<duration>)`);
  const interval = match[3];
  const duration = parseIsoDuration(interval);
  if (!duration) throw new ExpressionFailure(`"${interval}" is not an ISO-8601 duration`);
  const start = match[2] ? Date.parse(match[2]) : NaN;
  return { total: match[1] === '' ? -1 : Number(match[1]), interval, duration, ...(Number.isNaN(start) ? {} : { start: new Date(start).toISOString() }) };
}

/** In a case, a cycle whose start has passed counts from `now`, as in Zeebe. */
function cycleDue(now: string, cycle: Cycle): TimerDue {
  const dueAt = cycle.start !== undefined && Date.parse(cycle.start) > Date.parse(now) ? cycle.start : afterDuration(now, cycle.interval);
  return { dueAt, repetitions: repetitionsAfter(cycle, 1), interval: cycle.interval };
}

function anchoredCycleDue(from: string, text: string): TimerDue | undefined {
  const cycle = parseCycle(text);
  if (cycle.start === undefined || Date.parse(cycle.start) > Date.parse(from)) return cycleDue(from, cycle);
  const next = firstOccurrenceAfter(cycle.start, cycle.duration, Date.parse(from));
  if (cycle.total >= 0 && next.count > cycle.total) return undefined;
  return { dueAt: next.dueAt, repetitions: repetitionsAfter(cycle, next.count), interval: cycle.interval };
}

/** Repetitions left after the `count`-th occurrence of a cycle. */
function repetitionsAfter(cycle: Cycle, count: number): number {
  return cycle.total < 0 ? -1 : Math.max(cycle.total - count, 0);
}

/**
 * The first occurrence after `afterMs` of the series start, start + interval, (start + interval)
 * + interval, … and its number in the series (the start is 1). An interval of days and times is
 * the same length everywhere, so the series is jumped along; one of months or years is walked.
 */
function firstOccurrenceAfter(start: string, duration: IsoDuration, afterMs: number): { dueAt: string; count: number } {
  const outOfRange = () => new ExpressionFailure(`the cycle starting ${start} has no occurrence left in the range of dates`);
  const second = addIsoDuration(start, duration);
  if (!second) throw outOfRange();
  const startMs = Date.parse(start);
  const stepMs = Date.parse(second) - startMs;
  if (stepMs <= 0) throw new ExpressionFailure(`a cycle starting ${start} needs an interval longer than zero`);
  if (duration.years === 0 && duration.months === 0) {
    const steps = Math.floor((afterMs - startMs) / stepMs) + 1;
    const dueMs = startMs + steps * stepMs;
    if (Number.isNaN(new Date(dueMs).getTime())) throw outOfRange();
    return { dueAt: new Date(dueMs).toISOString(), count: steps + 1 };
  }
  let dueAt = start;
  for (let count = 1; count <= MAX_WALKED_OCCURRENCES; count++) {
    if (Date.parse(dueAt) > afterMs) return { dueAt, count };
    const next = addIsoDuration(dueAt, duration);
    if (!next) throw outOfRange();
    dueAt = next;
  }
  throw new ExpressionFailure(`the cycle starting ${start} has more than ${MAX_WALKED_OCCURRENCES} occurrences before ${new Date(afterMs).toISOString()}`);
}
