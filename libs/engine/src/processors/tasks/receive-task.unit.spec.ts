import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../../testing/case-scenario';

describe('receive task', () => {
  it('waits for its message and completes when it is correlated', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'send-receive-task.bpmn')));
    const started = scenario.start({ applicationId: 'XY-2026-D017', project: 'p' });
    expect(trace(started).slice(-2)).toEqual(['ElementActivated:reply', 'MessageSubscriptionOpened:reply']);

    // when
    const events = scenario.when({ type: 'CorrelateMessage', name: 'opinion-given', correlationKey: 'XY-2026-D017', variables: { opinion: '同意' } });

    // then
    expect(trace(events).slice(0, 5)).toEqual(['MessageCorrelated:reply', 'VariablesSet', 'MessageSubscriptionClosed', 'ElementCompleted:reply', 'SequenceFlowTaken:f3']);
    expect(scenario.variablesOf('case-1')['opinion']).toBe('同意');
  });
});
