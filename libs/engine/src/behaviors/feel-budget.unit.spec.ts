import { evaluateFeel, ExpressionFailure } from './expressions';
import { budgetHooks, FeelBudgetExceeded, instrumentFeel } from './feel-budget';

describe('FEEL budget', () => {
  it('rewrites loops with budget hooks and leaves other expressions alone', () => {
    expect(instrumentFeel('a + 1', {})).toBeUndefined();
    expect(instrumentFeel('for i in 1..n return i * 2', {})).toBe('for i in ɵrange(1, n) return ɵtick(i * 2)');
    expect(instrumentFeel('some x in [1,2,3] satisfies x > 2', {})).toBe('some x in ɵlist([1,2,3]) satisfies ɵtick(x > 2)');
  });

  it.each([
    ['for i in 1..10 return i*2', {}, [2, 4, 6, 8, 10, 12, 14, 16, 18, 20]],
    ['for i in 3..1 return i', {}, [3, 2, 1]],
    ['for i in 1..2, j in ["a","b"] return string(i) + j', {}, ['1a', '1b', '2a', '2b']],
    ['for i in 1..3 return for j in 1..i return j', {}, [[1], [1, 2], [1, 2, 3]]],
    ['for c in "a".."c" return c', {}, ['a', 'b', 'c']],
    ['some x in [1,2,3] satisfies x > 2', {}, true],
    ['every x in items satisfies x > 0', { items: [1, 2] }, true],
    ['sum(for i in 1..n return i)', { n: 100 }, 5050],
    ['{f: function(n) if n < 1 then 0 else f(n-1) + 1, r: f(5)}.r', {}, 5],
  ])('%s still evaluates as before', (feel, variables, expected) => {
    expect(evaluateFeel(`=${feel}`, variables)).toEqual(expected);
  });

  it.each([
    '=for i in 1..10000000 return i',
    '=for i in 1..1000, j in 1..1000 return i',
    '=for i in 1..1000 return for j in 1..1000 return j',
    '=count(for i in 1..n return i)',
    '=some x in 1..100000000 satisfies x < 0',
    '={f: function(n) if n < 1 then 0 else f(n-1) + f(n-1), r: f(40)}.r',
  ])('%s is stopped by its budget', (feel) => {
    expect(() => evaluateFeel(feel, { n: 1e9 })).toThrow(ExpressionFailure);
    expect(() => evaluateFeel(feel, { n: 1e9 })).toThrow(/over its budget/);
  });

  it('stops an evaluation 100 ms after its first iteration, by the clock it is given', () => {
    // given: hooks made at t = 0 whose first iteration comes at t = 500 (a slow parse)
    let t = 0;
    const tick = budgetHooks(() => t)['ɵtick'] as unknown as (value: unknown) => unknown;
    t = 500;

    // when / then: the parse did not spend the budget; 100 ms of iterating does
    expect(tick(1)).toBe(1);
    t = 600;
    expect(tick(2)).toBe(2);
    t = 601;
    expect(() => tick(3)).toThrow(FeelBudgetExceeded);
    expect(() => tick(3)).toThrow('it runs longer than 100 ms');
  });
});
