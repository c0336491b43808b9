import { join } from 'node:path';
import { compile } from '../../compile/compile';
import { CaseScenario, compileFixture, trace, types } from '../../testing/case-scenario';

describe('script task', () => {
  it('evaluates its FEEL expression into the result variable and passes on', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'script-task.bpmn')));

    // when
    const events = scenario.start({ area: 1200 });

    // then
    expect(trace(events).slice(4)).toEqual(['ElementActivated:fee', 'VariablesSet', 'ElementCompleted:fee', 'SequenceFlowTaken:f2', 'ElementActivated:end', 'ElementCompleted:end', 'CaseCompleted']);
    expect(scenario.variablesOf('case-1')).toEqual({ area: 1200, fee: 3000 });
  });

  it('a failing expression raises an incident; fixing the variable and resolving goes on', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'script-task.bpmn')));
    expect(types(scenario.start({})).slice(-1)).toEqual(['IncidentRaised']);

    // when
    scenario.when({ type: 'SetVariables', variables: { area: 10 } });
    const events = scenario.when({ type: 'ResolveIncident', incidentId: scenario.state.incidents[0].incidentId });

    // then
    expect(types(events).slice(-1)).toEqual(['CaseCompleted']);
    expect(scenario.variablesOf('case-1')['fee']).toBe(25);
  });

  it('a script in any other language is refused when the model is compiled (no JavaScript ever runs)', async () => {
    // given
    const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t"><bpmn:process id="p" isExecutable="true">
      <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="js"/>
      <bpmn:scriptTask id="js" scriptFormat="javascript"><bpmn:script>process.exit(1)</bpmn:script></bpmn:scriptTask></bpmn:process></bpmn:definitions>`;

    // when
    const result = await compile(xml);

    // then
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([expect.objectContaining({ elementId: 'js', elementType: 'bpmn:ScriptTask' })]);
  });
});
