import { compile } from '@banjie/engine';
import { deepBody, feelLoopModel, nestedElementsModel, wideBody } from './health-doors';

describe('the heavy inputs of the health measurement', () => {
  it('has a looping flow that deploys: it compiles, with the script task that loops ten million times', async () => {
    // when
    const compiled = await compile(feelLoopModel(), { forms: {} });

    // then
    expect(compiled.ok ? compiled.model.key : compiled.problems).toBe('health-feel-loop');
    expect(feelLoopModel()).toContain('expression="=for i in 1..10000000 return i"');
  });

  it('has a model of 100,000 nested elements that the depth limit refuses', async () => {
    // when
    const compiled = await compile(nestedElementsModel(100_000), { forms: {} });

    // then
    expect(compiled.ok ? 'compiled' : compiled.problems.map((p) => p.message)).toEqual(['the BPMN XML nests elements deeper than 100 levels']);
  });

  it('has bodies of 90,000 keys and 3,000 levels that are valid JSON of that shape', () => {
    // when
    const wide = JSON.parse(wideBody(90_000)) as { variables: Record<string, number> };
    const deep = deepBody(3_000);

    // then
    expect(Object.keys(wide.variables)).toHaveLength(90_000);
    expect(deep.match(/\{"a":/g)).toHaveLength(3_000);
    expect(deep.endsWith(`1${'}'.repeat(3_001)}`)).toBe(true);
  });
});
