import { join } from 'node:path';
import { CaseScenario, compileFixture, trace, types } from '../../testing/case-scenario';

async function startedCase(variables: Record<string, unknown>): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'inclusive-gateway.bpmn')));
  scenario.start(variables);
  return scenario;
}

describe('inclusive gateway', () => {
  it('forks to every flow whose condition holds', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'inclusive-gateway.bpmn')));

    // when
    const events = scenario.start({ needsFire: true, needsCivilDefence: false });

    // then
    expect(trace(events).filter((t) => t.startsWith('SequenceFlowTaken'))).toEqual(['SequenceFlowTaken:f1', 'SequenceFlowTaken:f-planning', 'SequenceFlowTaken:f-fire']);
    expect(scenario.activeElements()).toEqual(['fire', 'planning']);
  });

  it('the join waits for a token that can still arrive', async () => {
    // given
    const scenario = await startedCase({ needsFire: true, needsCivilDefence: false, fireOk: true });

    // when
    const first = scenario.completeTask('planning');
    const second = scenario.completeTask('fire');

    // then
    expect(trace(first)).toEqual(['TaskCompleted', 'ElementCompleted:planning', 'SequenceFlowTaken:j-planning']);
    expect(trace(second)).toEqual(expect.arrayContaining(['SequenceFlowTaken:j-fire', 'ElementActivated:join', 'CaseCompleted']));
  });

  it('the join does not wait for branches that were never taken', async () => {
    // given
    const scenario = await startedCase({ needsFire: false, needsCivilDefence: false });

    // when
    const events = scenario.completeTask('planning');

    // then
    expect(trace(events)).toEqual([
      'TaskCompleted',
      'ElementCompleted:planning',
      'SequenceFlowTaken:j-planning',
      'ElementActivated:join',
      'ElementCompleted:join',
      'SequenceFlowTaken:f2',
      'ElementActivated:end',
      'ElementCompleted:end',
      'CaseCompleted',
    ]);
  });

  it('the join fires once the token it waited for goes elsewhere', async () => {
    // given
    const scenario = await startedCase({ needsFire: true, needsCivilDefence: false, fireOk: false });
    expect(types(scenario.completeTask('planning'))).not.toContain('ElementActivated');

    // when
    const events = scenario.completeTask('fire');

    // then
    expect(trace(events)).toEqual(expect.arrayContaining(['ElementCompleted:fire-refused', 'ElementActivated:join', 'ElementActivated:end', 'CaseCompleted']));
    expect(trace(events).indexOf('ElementCompleted:fire-refused')).toBeLessThan(trace(events).indexOf('ElementActivated:join'));
  });

  it('no condition holding and no default flow is an incident', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'inclusive-gateway.bpmn')));

    // when
    const events = scenario.start({ needsFire: 'yes' });

    // then
    expect(types(events).slice(-1)).toEqual(['IncidentRaised']);
    expect(scenario.activeElements()).toEqual(['fork']);
  });
});
