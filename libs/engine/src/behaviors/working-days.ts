import type { WorkingCalendar } from '@banjie/calendar';
import { ExpressionFailure } from './expressions';

/** Longest span of working days the engine schedules (about twelve years). */
export const MAX_WORKING_DAYS = 3_000;

/**
 * Working-day arithmetic on a value a model or its variables supplied: out of range, or refused
 * by the calendar, it is an expression failure (an incident), never a crash or an endless count.
 */
export function addWorkingDays(calendar: WorkingCalendar, from: string, days: number): string {
  if (!Number.isFinite(days) || days < 0 || days > MAX_WORKING_DAYS) throw new ExpressionFailure(`${days} working days is out of range (0 to ${MAX_WORKING_DAYS})`);
  try {
    return calendar.addWorkingDays(from, days);
  } catch (e) {
    throw new ExpressionFailure(`the calendar cannot count ${days} working days from ${from}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
