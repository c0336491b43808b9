import { createWorkingCalendar } from '@banjie/calendar';
import { CaseRun } from '../runtime/case-run';
import { initialCaseState } from '../state/case-state';
import type { ProcessModel, TimerDefinition } from '../model/process-model';
import { ExpressionFailure } from './expressions';
import { nextCycle, nextTimerStart, timerDue } from './timers';

function runAt(now: string): CaseRun {
  return new CaseRun({} as ProcessModel, initialCaseState(), { now, newId: () => 'id', calendar: createWorkingCalendar() });
}

describe('timer values', () => {
  it('a duration is added to now, calendar parts first', () => {
    // given
    const run = runAt('2026-01-31T10:00:00Z');

    // when
    const due = timerDue(run, { kind: 'duration', expression: 'P1M1DT2H30M' }, {});

    // then
    expect(due).toEqual({ dueAt: '2026-03-04T12:30:00.000Z' });
  });

  it('a FEEL date is evaluated against the variables', () => {
    // given
    const run = runAt('2026-01-01T00:00:00Z');

    // when
    const due = timerDue(run, { kind: 'date', expression: '=publicityEnds' }, { publicityEnds: '2026-02-01T08:00:00+08:00' });

    // then
    expect(due.dueAt).toBe('2026-02-01T00:00:00.000Z');
  });

  it('a bounded cycle counts down its repetitions and an unbounded one never ends', () => {
    // given
    const run = runAt('2026-01-01T00:00:00Z');

    // when
    const bounded = timerDue(run, { kind: 'cycle', expression: 'R3/PT1H' }, {});
    const unbounded = timerDue(run, { kind: 'cycle', expression: 'R/2026-03-01T00:00:00Z/P1M' }, {});

    // then
    expect(bounded).toEqual({ dueAt: '2026-01-01T01:00:00.000Z', repetitions: 2, interval: 'PT1H' });
    expect(unbounded).toEqual({ dueAt: '2026-03-01T00:00:00.000Z', repetitions: -1, interval: 'P1M' });
    expect(nextCycle('2026-01-01T01:00:00.000Z', 0, 'PT1H')).toBeUndefined();
    expect(nextCycle('2026-03-01T00:00:00.000Z', -1, 'P1M')).toEqual({ dueAt: '2026-04-01T00:00:00.000Z', repetitions: -1, interval: 'P1M' });
  });

  it('a value that is no date, duration or cycle is an expression failure (an incident), not a crash', () => {
    // given
    const run = runAt('2026-01-01T00:00:00Z');

    // when / then
    expect(() => timerDue(run, { kind: 'duration', expression: 'five days' }, {})).toThrow(ExpressionFailure);
    expect(() => timerDue(run, { kind: 'cycle', expression: 'every day' }, {})).toThrow(ExpressionFailure);
    expect(() => timerDue(run, { kind: 'workingDays', expression: '=days' }, {})).toThrow(ExpressionFailure);
    expect(() => timerDue(run, { kind: 'workingDays', expression: '1000000000' }, {})).toThrow(ExpressionFailure);
    expect(() => timerDue(run, { kind: 'duration', expression: 'P999999999Y' }, {})).toThrow(ExpressionFailure);
  });
});

describe('timer start events', () => {
  it('the api scheduler learns when a timer start is next due, or why it cannot be', () => {
    // given
    const calendar = createWorkingCalendar();

    // when
    const monthly = nextTimerStart({ kind: 'cycle', expression: 'R/2026-12-01T01:00:00Z/P1M' }, '2026-11-28T00:00:00Z', calendar);
    const broken = nextTimerStart({ kind: 'duration', expression: 'soon' }, '2026-11-28T00:00:00Z', calendar);

    // then
    expect(monthly).toEqual({ dueAt: '2026-12-01T01:00:00.000Z', repetitions: -1, interval: 'P1M' });
    expect(broken).toEqual({ error: expect.stringContaining('not an ISO-8601 duration') });
  });
});

describe('timer start events on an anchored cycle', () => {
  const calendar = createWorkingCalendar();
  const weekly: TimerDefinition = { kind: 'cycle', expression: 'R/2026-01-05T09:00:00+08:00/P1W' };

  it('asked between two occurrences, the next one on the anchor’s grid is due, not one interval later', () => {
    // when asked on Wednesday 7 January, and exactly at the Monday 12 January occurrence
    const wednesday = nextTimerStart(weekly, '2026-01-07T10:00:00+08:00', calendar);
    const onTheDot = nextTimerStart(weekly, '2026-01-12T09:00:00+08:00', calendar);

    // then Monday 09:00 Beijing time, and the Monday after
    expect(wednesday).toEqual({ dueAt: '2026-01-12T01:00:00.000Z', repetitions: -1, interval: 'P1W' });
    expect(onTheDot).toMatchObject({ dueAt: '2026-01-19T01:00:00.000Z' });
  });

  it('skips occurrences missed while nothing asked, and keeps a monthly rhythm', () => {
    // when the scheduler asks again seven weeks and a few days later
    const missed = nextTimerStart(weekly, '2026-02-26T18:00:00+08:00', calendar);
    const monthly = nextTimerStart({ kind: 'cycle', expression: 'R/2026-01-05T09:00:00+08:00/P1M' }, '2026-03-15T12:00:00+08:00', calendar);

    // then
    expect(missed).toMatchObject({ dueAt: '2026-03-02T01:00:00.000Z' });
    expect(monthly).toMatchObject({ dueAt: '2026-04-05T01:00:00.000Z' });
  });

  it('counts a bounded cycle’s repetitions from its anchor, and has none left after the last', () => {
    // given three weekly occurrences: 5, 12 and 19 January
    const threeWeeks: TimerDefinition = { kind: 'cycle', expression: 'R3/2026-01-05T09:00:00+08:00/P1W' };

    // when
    const asked = ['2026-01-01T00:00:00+08:00', '2026-01-06T00:00:00+08:00', '2026-01-13T00:00:00+08:00', '2026-01-20T00:00:00+08:00'].map((from) => nextTimerStart(threeWeeks, from, calendar));

    // then
    expect(asked).toEqual([
      { dueAt: '2026-01-05T01:00:00.000Z', repetitions: 2, interval: 'P1W' },
      { dueAt: '2026-01-12T01:00:00.000Z', repetitions: 1, interval: 'P1W' },
      { dueAt: '2026-01-19T01:00:00.000Z', repetitions: 0, interval: 'P1W' },
      undefined,
    ]);
  });

  it('a cycle timer inside a case counts from now once its start has passed, as in Zeebe', () => {
    // given
    const run = runAt('2026-01-07T02:00:00Z');

    // when
    const due = timerDue(run, weekly, {});

    // then
    expect(due).toEqual({ dueAt: '2026-01-14T02:00:00.000Z', repetitions: -1, interval: 'P1W' });
  });

  it('an anchored cycle with an empty interval is no timer, rather than never ending', () => {
    // when
    const empty = nextTimerStart({ kind: 'cycle', expression: 'R/2026-01-05T09:00:00+08:00/PT0S' }, '2026-03-01T00:00:00Z', calendar);

    // then
    expect(empty).toEqual({ error: expect.stringContaining('longer than zero') });
  });
});
