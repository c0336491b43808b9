import { evaluateCondition, evaluateFeel, evaluateStringList, ExpressionFailure, withFeelClock } from './expressions';

describe('FEEL clock', () => {
  it('now() and today() read the decision clock, not the machine clock', () => {
    // given
    const decisionTime = '2026-02-09T10:00:00+08:00';

    // when
    const [now, today] = withFeelClock(decisionTime, () => [evaluateFeel('=string(now())', {}), evaluateFeel('=string(today())', {})]);

    // then
    expect(now).toBe('2026-02-09T10:00:00+08:00');
    expect(today).toBe('2026-02-09');
  });
});

describe('FEEL expressions', () => {
  it('a condition that is not true or false is a failure naming the expression', () => {
    // when / then
    expect(() => evaluateCondition('=amount', { amount: 3 })).toThrow(ExpressionFailure);
    expect(() => evaluateCondition('=missing > 1', {})).toThrow(/missing > 1/);
  });

  it('dates and durations come back as JSON strings', () => {
    // when
    const value = evaluateFeel('=date("2026-02-09") + duration("P5D")', {});

    // then
    expect(value).toBe('2026-02-14');
  });

  it('candidate lists come from a FEEL list or a comma-separated literal', () => {
    // when / then
    expect(evaluateStringList('lf-window, lf-housing', {})).toEqual(['lf-window', 'lf-housing']);
    expect(evaluateStringList('=groups', { groups: ['lf-fire'] })).toEqual(['lf-fire']);
    expect(() => evaluateStringList('=count', { count: 3 })).toThrow(ExpressionFailure);
  });
});
