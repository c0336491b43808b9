import type { WorkingCalendar } from '@banjie/calendar';
import { nextTimerStart, type TimerDefinition } from '@banjie/engine';
import { v5 as uuidV5 } from 'uuid';

/** One occurrence of a timer start event: when it is due, and how many more follow (-1 = unbounded). */
export interface TimerStartOccurrence {
  dueAt: string;
  remaining: number;
}

/** `R<n>/<start>/<interval>`: a cycle anchored at a start instant. */
const ANCHORED_CYCLE = /^R(\d*)\/([^/]+)\/(P[^/]+)$/;
/** The UUID namespace of the ids of cases started by timer start events (fixed: ids must not change). */
const TIMER_START_NAMESPACE = 'c0c8d7a4-3f0e-5b8e-9a51-6d2f1b7e4a90';
/** Walking an anchored cycle from its start stops after this many steps (then it counts from the deployment). */
const MAX_ANCHOR_STEPS = 10_000;

/**
 * The first occurrence of a timer start event after `from` (the deployment time), or undefined
 * when it has none left, or why its value is no timer. A date is due then; a duration or a number
 * of working days counts from `from`; a cycle anchored in the past keeps its anchor's rhythm
 * (`R/2026-01-01T09:00:00+08:00/P1M` deployed on 15 March is next due on 1 April), one anchored
 * in the future starts there, one without an anchor starts one interval after `from`.
 */
export function firstOccurrence(timer: TimerDefinition, from: string, calendar: WorkingCalendar): TimerStartOccurrence | undefined | { error: string } {
  const anchored = timer.kind === 'cycle' ? anchorOf(timer.expression) : undefined;
  if (anchored && Date.parse(anchored.dueAt) <= Date.parse(from)) {
    let occurrence: TimerStartOccurrence | undefined = anchored;
    for (let step = 0; occurrence && step < MAX_ANCHOR_STEPS; step++) {
      if (Date.parse(occurrence.dueAt) > Date.parse(from)) return occurrence;
      occurrence = nextOccurrence(timer, occurrence, calendar);
    }
    if (!occurrence) return undefined;
  }
  const due = nextTimerStart(timer, from, calendar);
  if ('error' in due) return due;
  return { dueAt: instant(due.dueAt), remaining: timer.kind === 'cycle' ? (due.repetitions ?? 0) : 0 };
}

/** The occurrence after `occurrence`: only cycles repeat, as many times as they say. */
export function nextOccurrence(timer: TimerDefinition, occurrence: TimerStartOccurrence, calendar: WorkingCalendar): TimerStartOccurrence | undefined {
  if (timer.kind !== 'cycle' || occurrence.remaining === 0) return undefined;
  const due = nextTimerStart(timer, occurrence.dueAt, calendar);
  if ('error' in due) return undefined;
  return { dueAt: instant(due.dueAt), remaining: occurrence.remaining < 0 ? -1 : occurrence.remaining - 1 };
}

/**
 * The id of the case that one occurrence starts: the same in every api process (a name-based
 * UUID v5 of definition key, version, start element and due time), so that when two processes fire
 * the same occurrence, the second append to the new stream fails and only one case starts.
 */
export function timerStartCaseId(definitionKey: string, version: number, elementId: string, dueAt: string): string {
  return uuidV5([definitionKey, String(version), elementId, instant(dueAt)].join('\n'), TIMER_START_NAMESPACE);
}

/** The anchor of a literal `R<n>/<start>/<interval>` cycle as its first occurrence (FEEL expressions have none here). */
function anchorOf(expression: string): TimerStartOccurrence | undefined {
  const match = ANCHORED_CYCLE.exec(expression.trim());
  const start = Date.parse(match?.[2] ?? '');
  if (!match || Number.isNaN(start)) return undefined;
  const total = match[1] === '' ? -1 : Number(match[1]);
  return { dueAt: new Date(start).toISOString(), remaining: total < 0 ? -1 : Math.max(total - 1, 0) };
}

function instant(text: string): string {
  return new Date(Date.parse(text)).toISOString();
}
