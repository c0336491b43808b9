import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../../testing/case-scenario';

async function startedCase(): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'event-based-gateway.bpmn')));
  scenario.start({ applicationId: 'CZ-2026-004' });
  return scenario;
}

describe('event-based gateway', () => {
  it('waits for every event after it', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'event-based-gateway.bpmn')));

    // when
    const events = scenario.start({ applicationId: 'CZ-2026-004' });

    // then
    expect(trace(events).slice(-3)).toEqual(['ElementActivated:wait', 'MessageSubscriptionOpened:supplied', 'TimerScheduled:lapsed']);
  });

  it('the message comes first: its branch runs and the timer is cancelled', async () => {
    // given
    const scenario = await startedCase();

    // when
    const events = scenario.when({ type: 'CorrelateMessage', name: 'material-supplied', correlationKey: 'CZ-2026-004' });

    // then
    expect(trace(events)).toEqual([
      'MessageCorrelated:supplied',
      'TimerCancelled',
      'MessageSubscriptionClosed',
      'ElementCompleted:wait',
      'SequenceFlowTaken:f-supplied',
      'ElementActivated:supplied',
      'ElementCompleted:supplied',
      'SequenceFlowTaken:f-accepted',
      'ElementActivated:accepted',
      'ElementCompleted:accepted',
      'CaseCompleted',
    ]);
  });

  it('the timer comes first: the application is returned and the subscription closed', async () => {
    // given
    const scenario = await startedCase();

    // when
    const events = scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('lapsed') });

    // then
    expect(trace(events)).toEqual(expect.arrayContaining(['TimerFired', 'MessageSubscriptionClosed', 'SequenceFlowTaken:f-lapsed', 'ElementActivated:returned', 'CaseCompleted']));
    expect(scenario.state.messageSubscriptions).toEqual([]);
  });
});
