import type { WorkingCalendar } from '@banjie/calendar';
import { nextTimerStart, type TimerDefinition } from '@banjie/engine';
import { v5 as uuidV5 } from 'uuid';

/** One occurrence of a timer start event: when it is due, and how many more follow (-1 = unbounded). */
export interface TimerStartOccurrence {
  dueAt: string;
  remaining: number;
}

/** The UUID namespace of the ids of cases started by timer start events (fixed: ids must not change). */
const TIMER_START_NAMESPACE = 'c0c8d7a4-3f0e-5b8e-9a51-6d2f1b7e4a90';

/**
 * The first occurrence of a timer start event after `from` (the deployment time), or undefined
 * when it has none left, or why its value is no timer. A date is due then; a duration or a number
 * of working days counts from `from`; a cycle keeps its anchor's rhythm (the engine's
 * `nextTimerStart`: `R/2026-01-01T09:00:00+08:00/P1M` deployed on 15 March is next due on 1 April).
 */
export function firstOccurrence(timer: TimerDefinition, from: string, calendar: WorkingCalendar): TimerStartOccurrence | undefined | { error: string } {
  const due = nextTimerStart(timer, from, calendar);
  if (!due || 'error' in due) return due;
  return { dueAt: instant(due.dueAt), remaining: timer.kind === 'cycle' ? (due.repetitions ?? 0) : 0 };
}

/** The occurrence after `occurrence`: only cycles repeat, as many times as they say. */
export function nextOccurrence(timer: TimerDefinition, occurrence: TimerStartOccurrence, calendar: WorkingCalendar): TimerStartOccurrence | undefined {
  if (timer.kind !== 'cycle' || occurrence.remaining === 0) return undefined;
  const due = nextTimerStart(timer, occurrence.dueAt, calendar);
  if (!due || 'error' in due) return undefined;
  return { dueAt: instant(due.dueAt), remaining: occurrence.remaining < 0 ? -1 : occurrence.remaining - 1 };
}

/**
 * The id of the case that one occurrence starts: the same in every api process (a name-based
 * UUID v5 of definition key, version, start element and due time, and the zone for a key of the
 * zone-scoped layout, which another zone may deploy too), so that when two processes fire the same
 * occurrence, the second append to the new stream fails and only one case starts. A key deployed
 * before keys were zone-scoped names no zone, so its occurrences keep the ids they were started with.
 */
export function timerStartCaseId(definitionKey: string, version: number, elementId: string, dueAt: string, zoneId?: string): string {
  const parts = [definitionKey, String(version), elementId, instant(dueAt)];
  return uuidV5((zoneId === undefined ? parts : [zoneId, ...parts]).join('\n'), TIMER_START_NAMESPACE);
}

function instant(text: string): string {
  return new Date(Date.parse(text)).toISOString();
}
