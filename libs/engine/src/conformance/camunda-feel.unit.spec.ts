import { join } from 'node:path';
import { evaluateFeel, withFeelClock } from '../behaviors/expressions';
import { compile } from '../compile/compile';
import { CaseScenario, compileFixture } from '../testing/case-scenario';

const NOW = '2026-03-02T09:00:00+08:00';
const feel = (expression: string, variables: Record<string, unknown> = {}) => withFeelClock(NOW, () => evaluateFeel(expression, variables));

async function started(variables: Record<string, unknown>) {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'camunda-feel.bpmn')));
  scenario.start(variables);
  return scenario;
}

describe("Zeebe: Camunda's FEEL extension functions are built in", () => {
  it('Zeebe: is defined(x) is false for a missing variable or null, true otherwise', () => {
    // when / then
    expect(feel('=is defined(x)', { x: 1 })).toBe(true);
    expect(feel('=is defined(x)', { x: null })).toBe(false);
    expect(feel('=is defined(x)')).toBe(false);
    expect(feel('=is defined(x.y)', { x: {} })).toBe(false);
  });

  it('Zeebe: get or else(value, default) gives the default for null or a missing variable, and parses though its name holds "or"', () => {
    // when / then
    expect(feel('=get or else(x, 0) > 1', { x: 5 })).toBe(true);
    expect(feel('=get or else(x, 0) > 1')).toBe(false);
    expect(feel('=get or else("this", "default")')).toBe('this');
  });

  it("Zeebe: cycle(interval) is R/<interval>, cycle(n, interval) is Rn/<interval> (Zeebe's own timer function)", () => {
    // when / then
    expect(feel('=cycle(duration("PT2H"))')).toBe('R/PT2H');
    expect(feel('=cycle(3, duration("P1M"))')).toBe('R3/P1M');
  });

  it('Zeebe: the context, list and string extensions answer as documented', () => {
    // when / then
    expect(feel('=get value({x:1, y: {z:0}}, ["y", "z"])')).toBe(0);
    expect(feel('=get value({a: {b: 3}}, ["b"])')).toBeNull();
    expect(feel('=context put({x:1}, "y", 2)')).toEqual({ x: 1, y: 2 });
    expect(feel('=context merge([{x:1, y: 0}, {y:2}])')).toEqual({ x: 1, y: 2 });
    expect(feel('=string join(["a","b","c"], ", ", "[", "]")')).toBe('[a, b, c]');
    expect(feel('=string join(["a",null,"c"], "-")')).toBe('a-c');
    expect(feel('=is empty([])')).toBe(true);
    expect(feel('=is empty([1,2,3])')).toBe(false);
    expect(feel('=duplicate values([1,2,3,2,1])')).toEqual([1, 2]);
    expect(feel('=partition([1,2,3,4,5], 2)')).toEqual([[1, 2], [3, 4], [5]]);
    expect(feel('=extract("references are 1234, 1256, 1378", "12[0-9]*")')).toEqual(['1234', '1256']);
    expect(feel('=trim("  hello world  ")')).toBe('hello world');
    expect(feel('=is blank(" ")')).toBe(true);
    expect(feel('=to base64("FEEL")')).toBe('RkVFTA==');
    expect(feel('=from base64("RkVFTA==")')).toBe('FEEL');
    expect(feel('=last day of month(date("2024-02-10"))')).toBe('2024-02-29');
    expect(feel('=fromAi(x, "the user id")', { x: 7 })).toBe(7);
  });

  it('Zeebe: assert(value, condition, cause) fails the evaluation with the cause (an incident in Banjie)', () => {
    // when / then
    expect(feel('=assert(x, x >= 0)', { x: 4 })).toBe(4);
    expect(() => feel('=assert(x, x >= 0, "x should be positive")', { x: -1 })).toThrow(/x should be positive/);
  });

  it('Banjie: now() and today() read the decision clock (ctx.now); outside a decision they fail instead of reading the machine clock', () => {
    // when / then
    expect(feel('=string(now())')).toBe(NOW);
    expect(feel('=string(today())')).toBe('2026-03-02');
    expect(() => evaluateFeel('=now()', {})).toThrow(/no clock/);
  });

  it('Banjie differs: random number() and uuid() are refused at compile, naming the element (a replay would not repeat them)', async () => {
    // given
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="draw" />
    <bpmn:scriptTask id="draw"><bpmn:extensionElements><zeebe:script expression="=uuid()" resultVariable="id" /></bpmn:extensionElements></bpmn:scriptTask>
    <bpmn:sequenceFlow id="f2" sourceRef="draw" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

    // when
    const result = await compile(xml);

    // then
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([expect.objectContaining({ elementId: 'draw', message: expect.stringContaining('uuid() is not deterministic') })]);
    expect(() => feel('=random number()')).toThrow(/not deterministic/);
  });

  it('Zeebe: a model using them compiles and runs: a script with string join and get or else, gateway conditions with get or else and is defined', async () => {
    // when
    const big = await started({ amount: 500, materials: ['ID card', 'lease'] });
    const urgent = await started({ urgent: true });
    const small = await started({});

    // then
    expect(big.variablesOf().materialList).toBe('[ID card, lease]');
    expect(big.activeElements()).toEqual(['big']);
    expect(urgent.activeElements()).toEqual(['urgent']);
    expect(small.variablesOf().materialList).toBe('[]');
    expect(small.activeElements()).toEqual(['small']);
  });

  it('Zeebe: a timeCycle of =cycle(duration("PT2H")) schedules a timer repeating every two hours', async () => {
    // given
    const scenario = await started({ amount: 500 });

    // when
    const timer = scenario.timer(scenario.timerOf('remind'));

    // then
    expect(scenario.state.incidents).toEqual([]);
    expect(Date.parse(timer.dueAt)).toBe(Date.parse(scenario.now) + 2 * 3_600_000);
  });
});
