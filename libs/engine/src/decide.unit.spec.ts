import { compile } from './compile/compile';
import { decide } from './decide';
import { evolve } from './evolve';
import { CaseScenario } from './testing/case-scenario';
import { initialCaseState } from './state/case-state';

const loopXml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
  <bpmn:process id="busy-loop" isExecutable="true">
    <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="again"/>
    <bpmn:manualTask id="again"/><bpmn:sequenceFlow id="f2" sourceRef="again" targetRef="again2"/>
    <bpmn:manualTask id="again2"/><bpmn:sequenceFlow id="f3" sourceRef="again2" targetRef="again"/>
  </bpmn:process></bpmn:definitions>`;

describe('decide', () => {
  it('a model that loops without ever waiting is refused instead of running forever', async () => {
    // given
    const result = await compile(loopXml);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const scenario = new CaseScenario(result.model);

    // when
    const decision = decide(result.model, initialCaseState(), { type: 'StartCase', caseId: 'c', definitionKey: 'busy-loop', version: 1, zoneId: 'lf' }, scenario.context());

    // then
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.rejection).toMatchObject({ code: 'invalid_state', message: expect.stringContaining('loops without waiting') });
  });

  it('leaves the state it was given untouched', async () => {
    // given
    const result = await compile(loopXml.replace('<bpmn:manualTask id="again"/>', '<bpmn:userTask id="again"/>'));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const scenario = new CaseScenario(result.model);
    scenario.start();
    const before = JSON.stringify(scenario.state);

    // when
    decide(result.model, scenario.state, { type: 'CompleteTask', taskId: scenario.taskAt('again'), userId: 'u' }, scenario.context());

    // then
    expect(JSON.stringify(scenario.state)).toBe(before);
  });

  it('an event type the engine does not know fails loudly when folded', () => {
    // when / then
    expect(() => evolve(initialCaseState(), { type: 'CaseExploded', v: 1, data: {} })).toThrow('no applier for event CaseExploded v1');
    expect(() => evolve(initialCaseState(), { type: 'CaseCompleted', v: 9, data: {} })).toThrow('no applier for event CaseCompleted v9');
  });
});
