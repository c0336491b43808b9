import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../../testing/case-scenario';

describe('intermediate throw event', () => {
  it('none passes on; message is sent; an uncaught escalation goes on; link jumps; signal reaches the catch', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'intermediate-throw-event.bpmn')));

    // when
    const events = scenario.start({ applicationId: 'CZ-2026-004', missing: ['fire-safety note'] });

    // then
    expect(trace(events).slice(6)).toEqual([
      'SequenceFlowTaken:f-main',
      'SequenceFlowTaken:f-listen',
      'ElementActivated:milestone',
      'ElementCompleted:milestone',
      'SequenceFlowTaken:f2',
      'ElementActivated:closed',
      'SignalSubscriptionOpened:closed',
      'ElementActivated:notify',
      'VariablesSet',
      'MessageSent:notify',
      'ElementCompleted:notify',
      'SequenceFlowTaken:f3',
      'ElementActivated:raise',
      'ElementCompleted:raise',
      'SequenceFlowTaken:f4',
      'ElementActivated:jump',
      'ElementCompleted:jump',
      'ElementActivated:landing',
      'ElementCompleted:landing',
      'SequenceFlowTaken:f5',
      'ElementActivated:broadcast',
      'SignalThrown:broadcast',
      'ElementCompleted:broadcast',
      'SequenceFlowTaken:f6',
      'SignalSubscriptionClosed',
      'ElementCompleted:closed',
      'SequenceFlowTaken:f-closed',
      'ElementActivated:end',
      'ElementCompleted:end',
      'ElementActivated:closed-end',
      'ElementCompleted:closed-end',
      'CaseCompleted',
    ]);
    const sent = events.find((e) => e.type === 'MessageSent');
    expect(sent?.data).toMatchObject({ messageName: 'one-time-notice', correlationKey: 'CZ-2026-004', variables: { missing: ['fire-safety note'] } });
  });

  it('a signal broadcast to the case from outside reaches its signal catch', async () => {
    // given: a case whose link throw never runs because its message payload fails
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'intermediate-throw-event.bpmn')));
    scenario.start({ applicationId: 'CZ-2026-004' });
    expect(scenario.activeElements()).toEqual(['closed', 'notify']);

    // when
    const events = scenario.when({ type: 'BroadcastSignal', name: 'zone-closed' });

    // then
    expect(trace(events)).toEqual(['SignalSubscriptionClosed', 'ElementCompleted:closed', 'SequenceFlowTaken:f-closed', 'ElementActivated:closed-end', 'ElementCompleted:closed-end']);
    expect(scenario.refused({ type: 'BroadcastSignal', name: 'zone-closed' }).code).toBe('not_found');
  });
});
