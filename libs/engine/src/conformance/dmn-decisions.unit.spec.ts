import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateDecision, type Decision, type Decisions, type DecisionTable } from '../dmn/decisions';
import { DmnInvalid, parseDmn } from '../dmn/parse-dmn';

/**
 * DMN decisions as Zeebe evaluates them (Camunda 8 docs, "DMN decision table" / "hit policy",
 * and dmn-scala): no matching rule → null; one output → the value, several → a context; UNIQUE
 * with two matches and ANY with differing outputs fail (an incident on the business rule task);
 * RULE ORDER and COLLECT give lists; COLLECT with SUM/MIN/MAX/COUNT gives one value; required
 * decisions are evaluated first and their results are visible under their decision ids.
 */
const fixture = (name: string): string => readFileSync(join(__dirname, name), 'utf8');
const load = async (name: string): Promise<Decisions> => Object.fromEntries((await parseDmn(fixture(name), name)).map((d) => [d.id, d]));
const result = (decisions: Decisions, id: string, variables: Record<string, unknown>): unknown => {
  const outcome = evaluateDecision(decisions, id, variables);
  if (!outcome.ok) throw new Error(`expected a result, got the failure: ${outcome.message}`);
  return outcome.result;
};
const failure = (decisions: Decisions, id: string, variables: Record<string, unknown>): string => {
  const outcome = evaluateDecision(decisions, id, variables);
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome.result)}`);
  return outcome.message;
};

describe('DMN hit policies (conformance: Zeebe / dmn-scala)', () => {
  let decisions: Decisions;
  beforeAll(async () => {
    decisions = await load('dmn-hit-policies.dmn');
  });

  it('UNIQUE: one match gives the single output value; no match gives null', () => {
    expect(result(decisions, 'unique', { area: 500 })).toBe('simple');
    expect(result(decisions, 'unique', { area: 2000 })).toBe('full');
    expect(result(decisions, 'unique', { area: null })).toBeNull();
  });

  it('UNIQUE: two matching rules fail, naming the rules (Zeebe raises an incident)', () => {
    expect(failure(decisions, 'unique', { area: 6000 })).toBe("in decision 'unique': multiple matched rules with hit policy UNIQUE: u_large, u_huge");
  });

  it('FIRST: the first matching rule in table order wins', () => {
    expect(result(decisions, 'first', { area: 6000 })).toBe('expert');
    expect(result(decisions, 'first', { area: 2000 })).toBe('full');
    expect(result(decisions, 'first', { area: 10 })).toBe('simple');
  });

  it('PRIORITY: the match whose output comes first in the output values wins, not table order', () => {
    expect(result(decisions, 'priority', { area: 6000 })).toBe('high');
    expect(result(decisions, 'priority', { area: 2000 })).toBe('medium');
    expect(result(decisions, 'priority', { area: 10 })).toBe('low');
  });

  it('ANY: matches with equal outputs give that output; differing outputs fail', () => {
    expect(result(decisions, 'any', { area: 6000 })).toBe('full');
    expect(failure(decisions, 'any', { area: 9500 })).toContain('multiple matched rules with different outputs with hit policy ANY: a_large, a_huge');
  });

  it('RULE ORDER with two outputs: a list of contexts in rule order', () => {
    expect(result(decisions, 'ruleOrder', { area: 2000 })).toEqual([
      { department: 'lf-planning', days: 5 },
      { department: 'lf-fire', days: 3 },
    ]);
    expect(result(decisions, 'ruleOrder', { area: 10 })).toEqual([{ department: 'lf-planning', days: 5 }]);
  });

  it('COLLECT SUM: the sum of the matched output values, output entries being FEEL', () => {
    expect(result(decisions, 'collectSum', { area: 2000 })).toBe(1100);
    expect(result(decisions, 'collectSum', { area: 10 })).toBe(100);
  });

  it('COLLECT without aggregation, MIN, MAX and COUNT over the same matches', () => {
    const table = decisions['collectSum'].logic as DecisionTable;
    const variant = (aggregation?: DecisionTable['aggregation']): Decisions => ({
      c: { id: 'c', name: 'c', requires: [], logic: { ...table, ...(aggregation ? { aggregation } : { aggregation: undefined }) } } satisfies Decision,
    });
    expect(result(variant(), 'c', { area: 2000 })).toEqual([100, 1000]);
    expect(result(variant('MIN'), 'c', { area: 2000 })).toBe(100);
    expect(result(variant('MAX'), 'c', { area: 2000 })).toBe(1000);
    expect(result(variant('COUNT'), 'c', { area: 2000 })).toBe(2);
  });
});

describe('DMN decision requirement graph and literal expressions (conformance)', () => {
  it('evaluates required decisions first and reads their results by decision id', async () => {
    const decisions = await load('dmn-drg.dmn');
    expect(result(decisions, 'fee', { area: 3000 })).toBe(300);
    expect(result(decisions, 'route', { area: 3000 })).toEqual({ lane: 'full', fee: 300 });
    expect(result(decisions, 'route', { area: 200 })).toEqual({ lane: 'fast', fee: 100 });
  });

  it("Camunda's Dish example gives the dishes its docs list", async () => {
    const decisions = await load('dmn-dish.dmn');
    expect(result(decisions, 'dish', { season: 'Winter', guestCount: 4 })).toBe('Roastbeef');
    expect(result(decisions, 'dish', { season: 'Spring', guestCount: 6 })).toBe('Steak');
    expect(result(decisions, 'dish', { season: 'Fall', guestCount: 12 })).toBe('Stew');
    expect(result(decisions, 'dish', { season: 'Summer', guestCount: 40 })).toBe('Light Salad and a nice Steak');
  });

  it('an evaluation error is a failure with the message, not an exception', async () => {
    const decisions = await load('dmn-hit-policies.dmn');
    expect(failure(decisions, 'unique', {})).toContain("in decision 'unique'");
    expect(failure(decisions, 'nope', {})).toBe("no decision with id 'nope' is deployed");
  });
});

describe('DMN resources checked at deploy', () => {
  const table = (entry: string, output = '"x"') => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
  <decision id="check" name="Check"><decisionTable id="t">
    <input id="i"><inputExpression id="ie"><text>area</text></inputExpression></input>
    <output id="o" name="out" />
    <rule id="r1"><inputEntry id="e1"><text>${entry}</text></inputEntry><outputEntry id="o1"><text>${output}</text></outputEntry></rule>
  </decisionTable></decision>
</definitions>`;

  it('bad FEEL in an input entry is rejected naming the decision and the rule', async () => {
    await expect(parseDmn(table('&gt;&gt;'), 'check.dmn')).rejects.toThrow(new DmnInvalid(`check.dmn: decision 'check': rule 'r1', input entry 1: bad FEEL unary test ">>"`));
  });

  it('bad FEEL in an output entry is rejected naming the decision and the rule', async () => {
    await expect(parseDmn(table('-', '1 +'), 'check.dmn')).rejects.toThrow(`check.dmn: decision 'check': rule 'r1', output entry 1: bad FEEL "1 +"`);
  });

  it('a required decision missing from the resource is rejected', async () => {
    const xml = table('-').replace('<decisionTable', '<informationRequirement id="q"><requiredDecision href="#missing" /></informationRequirement><decisionTable');
    await expect(parseDmn(xml, 'check.dmn')).rejects.toThrow("check.dmn: decision 'check' requires 'missing', which is not in the resource");
  });

  it('text that is not DMN is rejected', async () => {
    await expect(parseDmn('<nope', 'x.dmn')).rejects.toThrow(DmnInvalid);
  });
});
