import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../compile/compile';
import { fold } from '../../evolve';
import { CaseScenario, compileFixture, trace, types } from '../../testing/case-scenario';

async function startedCase(): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'call-activity.bpmn')));
  const child = await compileFixture(join(__dirname, 'call-activity-child.bpmn'));
  const latest = { model: child, version: 3 };
  scenario.calledModels = { 'child-approval': latest, 'child-approval@3': latest, 'child-approval@2': { model: child, version: 2 } };
  scenario.start({ company: '太谷农产品加工', secret: 'parent only' });
  return scenario;
}

describe('call activity', () => {
  it('runs the latest called process as a child scope of the same case, with the input mappings only (propagateAllParentVariables="false")', async () => {
    // given / when
    const scenario = await startedCase();

    // then
    expect(trace(scenario.history).slice(-8)).toEqual([
      'ElementActivated:standard-approval',
      'VariablesSet',
      'CalledProcessStarted',
      'ElementActivated:start',
      'ElementCompleted:start',
      'SequenceFlowTaken:c1',
      'ElementActivated:decide',
      'TaskCreated:decide',
    ]);
    const call = scenario.state.instances.find((i) => i.elementId === 'standard-approval')!;
    expect(call.calledModel).toEqual({ key: 'child-approval', version: 3 });
    expect(scenario.variablesOf(call.id)).toEqual({ applicant: '太谷农产品加工' });
  });

  it('maps the child variables out by output mapping, then the pinned version runs with all parent variables', async () => {
    // given
    const scenario = await startedCase();

    // when
    const events = scenario.completeTask('decide', { decision: 'approved' });

    // then
    expect(trace(events)).toEqual(expect.arrayContaining(['ElementCompleted:end', 'VariablesSet', 'ElementCompleted:standard-approval', 'ElementActivated:pinned', 'CalledProcessStarted']));
    expect(scenario.variablesOf('case-1')).toEqual({ company: '太谷农产品加工', secret: 'parent only', childDecision: 'approved' });
    const pinned = scenario.state.instances.find((i) => i.elementId === 'pinned')!;
    expect(pinned.calledModel).toEqual({ key: 'child-approval', version: 2 });
    expect(scenario.variablesOf(pinned.id)).toMatchObject({ company: '太谷农产品加工', childDecision: 'approved' });
  });

  it('without output mappings the child variables all come back, and the case completes', async () => {
    // given
    const scenario = await startedCase();
    scenario.completeTask('decide', { decision: 'approved' });

    // when
    const events = scenario.completeTask('decide', { permitNo: 'TG-2026-003' });

    // then
    expect(types(events).slice(-1)).toEqual(['CaseCompleted']);
    expect(scenario.variablesOf('case-1')).toMatchObject({ permitNo: 'TG-2026-003' });
    expect(fold(scenario.history)).toEqual(scenario.state);
  });

  it('a called process that is not deployed raises an incident on the call activity', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'call-activity.bpmn')));

    // when
    const events = scenario.start({ company: 'x' });

    // then
    expect(types(events).slice(-1)).toEqual(['IncidentRaised']);
    expect(events[events.length - 1].data).toMatchObject({ elementId: 'standard-approval' });
  });

  it('a FEEL process id calls the process that the case variables name', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'call-activity-by-expression.bpmn')));
    const child = { model: await compileFixture(join(__dirname, 'call-activity-child.bpmn')), version: 2 };
    scenario.calledModels = { 'child-approval': child, 'child-approval@2': child };

    // when
    scenario.start({ matterProcess: 'child-approval' });

    // then
    const call = scenario.state.instances.find((i) => i.elementId === 'matter')!;
    expect(call.calledModel).toEqual({ key: 'child-approval', version: 2 });
    expect(scenario.state.tasks.map((t) => t.name)).toEqual(['标准审批']);
  });

  it('a FEEL process id that gives no key raises an incident naming the expression', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'call-activity-by-expression.bpmn')));

    // when
    const events = scenario.start({ matterProcess: 42 });

    // then
    expect(types(events).slice(-1)).toEqual(['IncidentRaised']);
    expect(events[events.length - 1].data).toMatchObject({ elementId: 'matter', message: expect.stringContaining('not a process key') });
  });

  it('a FEEL process id that does not parse is refused when the model is compiled', async () => {
    // given
    const xml = readFileSync(join(__dirname, 'call-activity-by-expression.bpmn'), 'utf8').replace('processId="=matterProcess"', 'processId="=matterProcess +"');

    // when
    const result = await compile(xml);

    // then
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([expect.objectContaining({ elementId: 'matter', message: expect.stringContaining('bad FEEL "=matterProcess +"') })]);
  });
});
