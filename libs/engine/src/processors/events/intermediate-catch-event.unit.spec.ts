import { join } from 'node:path';
import { CaseScenario, compileFixture, trace, types } from '../../testing/case-scenario';

async function startedCase(): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'intermediate-catch-event.bpmn')));
  scenario.now = '2026-02-09T10:00:00+08:00';
  scenario.start({ applicationId: 'LF-2026-001', publicityEnds: '2026-02-10T09:00:00+08:00' });
  return scenario;
}

describe('intermediate catch event', () => {
  it('a duration timer waits, then fires and the token moves on to the next timer (an ISO date)', async () => {
    // given
    const scenario = await startedCase();
    expect(scenario.timer(scenario.timerOf('cool-off')).dueAt).toBe('2026-02-09T03:00:00.000Z');

    // when
    scenario.now = '2026-02-09T11:00:00+08:00';
    const events = scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('cool-off') });

    // then
    expect(trace(events)).toEqual([
      'TimerFired',
      'ElementCompleted:cool-off',
      'SequenceFlowTaken:f2',
      'ElementActivated:publicity',
      'TimerScheduled:publicity',
    ]);
    expect(scenario.timer(scenario.timerOf('publicity')).dueAt).toBe('2026-02-10T01:00:00.000Z');
  });

  it('a working-day timer is due after 5 working days across the Spring Festival and its adjusted Saturday', async () => {
    // given
    const scenario = await startedCase();
    scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('cool-off') });

    // when
    scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('publicity') });

    // then: the publicity timer fires when due (Tue 02-10), so counting starts Wed 02-11: 11, 12, 13 and the
    // adjusted Saturday 14 are 4 working days, the Spring Festival holiday (15–23) is skipped, and 24 is the 5th
    expect(scenario.timer(scenario.timerOf('notice')).dueAt).toBe('2026-02-25T00:00:00+08:00');
  });

  it('a message catch opens a subscription with its correlation key and completes on the message', async () => {
    // given
    const scenario = await startedCase();
    for (const timer of ['cool-off', 'publicity']) scenario.when({ type: 'FireTimer', timerId: scenario.timerOf(timer) });
    const opened = scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('notice') });
    expect(types(opened).slice(-1)).toEqual(['MessageSubscriptionOpened']);
    expect(opened[opened.length - 1].data).toMatchObject({ messageName: 'material-supplied', correlationKey: 'LF-2026-001' });

    // when
    const events = scenario.when({ type: 'CorrelateMessage', name: 'material-supplied', correlationKey: 'LF-2026-001', variables: { fireSafetyNote: 'supplied' } });

    // then
    expect(trace(events)).toEqual([
      'MessageCorrelated:supplement',
      'VariablesSet',
      'MessageSubscriptionClosed',
      'ElementCompleted:supplement',
      'SequenceFlowTaken:f5',
      'ElementActivated:end',
      'ElementCompleted:end',
      'CaseCompleted',
    ]);
    expect(scenario.variablesOf('case-1')).toMatchObject({ fireSafetyNote: 'supplied' });
  });

  it('a message with another correlation key is not received', async () => {
    // given
    const scenario = await startedCase();
    for (const timer of ['cool-off', 'publicity', 'notice']) scenario.when({ type: 'FireTimer', timerId: scenario.timerOf(timer) });

    // when
    const rejection = scenario.refused({ type: 'CorrelateMessage', name: 'material-supplied', correlationKey: 'CZ-2026-004' });

    // then
    expect(rejection.code).toBe('not_found');
  });
});
