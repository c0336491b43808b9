import { createWorkingCalendar } from '@banjie/calendar';
import type { TimerDefinition } from '@banjie/engine';
import { firstOccurrence, nextOccurrence, timerStartCaseId, type TimerStartOccurrence } from './timer-start-occurrences';

const calendar = createWorkingCalendar();

/** The due times of a timer start from `from` on, at most `count`. */
function occurrences(timer: TimerDefinition, from: string, count = 5): string[] {
  const due: string[] = [];
  let next = firstOccurrence(timer, from, calendar);
  if (next && 'error' in next) throw new Error(next.error);
  while (next && due.length < count) {
    due.push(next.dueAt);
    next = nextOccurrence(timer, next as TimerStartOccurrence, calendar);
  }
  return due;
}

describe('occurrences of a timer start event', () => {
  it('follows a monthly cycle from its anchor, also when deployed after it', () => {
    // given
    const monthly: TimerDefinition = { kind: 'cycle', expression: 'R/2026-12-01T01:00:00Z/P1M' };

    // when
    const before = occurrences(monthly, '2026-11-28T00:00:00Z', 3);
    const after = occurrences(monthly, '2027-01-15T08:00:00Z', 2);

    // then
    expect(before).toEqual(['2026-12-01T01:00:00.000Z', '2027-01-01T01:00:00.000Z', '2027-02-01T01:00:00.000Z']);
    expect(after).toEqual(['2027-02-01T01:00:00.000Z', '2027-03-01T01:00:00.000Z']);
  });

  it('counts the repetitions of a bounded cycle, those before the deployment included', () => {
    // when
    const threeDays = occurrences({ kind: 'cycle', expression: 'R3/2027-01-01T00:00:00Z/P1D' }, '2027-01-01T12:00:00Z');
    const unanchored = occurrences({ kind: 'cycle', expression: 'R2/PT1H' }, '2027-01-01T00:00:00Z');
    const over = firstOccurrence({ kind: 'cycle', expression: 'R2/2020-01-01T00:00:00Z/P1D' }, '2027-01-01T00:00:00Z', calendar);

    // then
    expect(threeDays).toEqual(['2027-01-02T00:00:00.000Z', '2027-01-03T00:00:00.000Z']);
    expect(unanchored).toEqual(['2027-01-01T01:00:00.000Z', '2027-01-01T02:00:00.000Z']);
    expect(over).toBeUndefined();
  });

  it('fires a date or a duration once, and tells why a value is no timer', () => {
    // when
    const date = occurrences({ kind: 'date', expression: '2027-03-01T09:00:00+08:00' }, '2027-01-01T00:00:00Z');
    const duration = occurrences({ kind: 'duration', expression: 'PT10M' }, '2027-01-01T00:00:00Z');
    const broken = firstOccurrence({ kind: 'cycle', expression: 'every month' }, '2027-01-01T00:00:00Z', calendar);

    // then
    expect(date).toEqual(['2027-03-01T01:00:00.000Z']);
    expect(duration).toEqual(['2027-01-01T00:10:00.000Z']);
    expect(broken).toEqual({ error: expect.stringContaining('repeating interval') });
  });

  it('names the case of an occurrence the same way in every process, as a UUID', () => {
    // when
    const id = timerStartCaseId('xy-monthly', 1, 'Start_Monthly', '2027-01-01T09:00:00+08:00');

    // then
    expect(id).toBe(timerStartCaseId('xy-monthly', 1, 'Start_Monthly', '2027-01-01T01:00:00.000Z'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id).not.toBe(timerStartCaseId('xy-monthly', 2, 'Start_Monthly', '2027-01-01T01:00:00.000Z'));
  });

  it('names the same occurrence of the same key in two zones as two cases, and a key of the old layout as before', () => {
    // when
    const inXy = timerStartCaseId('monthly', 1, 'Start_Monthly', '2027-01-01T01:00:00.000Z', 'xy');
    const inTg = timerStartCaseId('monthly', 1, 'Start_Monthly', '2027-01-01T01:00:00.000Z', 'tg');
    const oldLayout = timerStartCaseId('monthly', 1, 'Start_Monthly', '2027-01-01T01:00:00.000Z');

    // then
    expect(new Set([inXy, inTg, oldLayout]).size).toBe(3);
    // the id such an occurrence was started with before keys were zone-scoped, so that it is not started again
    expect(oldLayout).toBe('560deec0-aedb-5ccf-b6db-d5853a99f210');
  });
});
