import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../../testing/case-scenario';

async function startedCase(): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'sub-process.bpmn')));
  scenario.start({ applicationId: 'LF-2026-001' });
  return scenario;
}

describe('embedded sub-process', () => {
  it('opens the event sub-processes, enters the sub-process with its inputs and legal limit, starts inside', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'sub-process.bpmn')));

    // when
    const events = scenario.start({ applicationId: 'LF-2026-001' });

    // then
    expect(trace(events)).toEqual([
      'CaseStarted',
      'MessageSubscriptionOpened:withdraw-start',
      'TimerScheduled:reminder-start',
      'ElementActivated:start',
      'ElementCompleted:start',
      'SequenceFlowTaken:f1',
      'ElementActivated:stage',
      'VariablesSet',
      'DeadlineSet:stage',
      'TimerScheduled:stage',
      'TimerScheduled:stage',
      'ElementActivated:stage-start',
      'ElementCompleted:stage-start',
      'SequenceFlowTaken:s1',
      'ElementActivated:permit',
      'TaskCreated:permit',
    ]);
    const stage = scenario.state.instances.find((i) => i.elementId === 'stage');
    expect(scenario.variablesOf(stage!.id)).toEqual({ stageName: 'stage-2' });
  });

  it('completes when nothing runs inside it any more, and the case completes after it', async () => {
    // given
    const scenario = await startedCase();

    // when
    const events = scenario.completeTask('permit');

    // then
    expect(trace(events)).toEqual([
      'TaskCompleted',
      'ElementCompleted:permit',
      'SequenceFlowTaken:s2',
      'ElementActivated:stage-end',
      'ElementCompleted:stage-end',
      'TimerCancelled',
      'TimerCancelled',
      'DeadlineCleared',
      'ElementCompleted:stage',
      'SequenceFlowTaken:f2',
      'ElementActivated:end',
      'ElementCompleted:end',
      'TimerCancelled',
      'MessageSubscriptionClosed',
      'CaseCompleted',
    ]);
  });
});

describe('event sub-process', () => {
  it('an interrupting message start ends everything else in its scope and runs the event sub-process', async () => {
    // given
    const scenario = await startedCase();

    // when
    const events = scenario.when({ type: 'CorrelateMessage', name: 'withdraw', correlationKey: 'LF-2026-001' });

    // then
    expect(trace(events)).toEqual([
      'MessageCorrelated:withdraw-start',
      'TaskCancelled',
      'ElementTerminated:permit',
      'TimerCancelled',
      'TimerCancelled',
      'DeadlineCleared',
      'ElementTerminated:stage',
      'TimerCancelled',
      'MessageSubscriptionClosed',
      'ElementActivated:on-withdraw',
      'ElementActivated:withdraw-start',
      'ElementCompleted:withdraw-start',
      'SequenceFlowTaken:w1',
      'ElementActivated:withdrawn',
      'ElementCompleted:withdrawn',
      'ElementCompleted:on-withdraw',
      'CaseCompleted',
    ]);
  });

  it('a non-interrupting timer start runs beside the main flow, which goes on', async () => {
    // given
    const scenario = await startedCase();

    // when
    const events = scenario.when({ type: 'FireTimer', timerId: scenario.timerOf('reminder-start') });

    // then
    expect(trace(events)).toEqual([
      'TimerFired',
      'ElementActivated:on-reminder',
      'ElementActivated:reminder-start',
      'ElementCompleted:reminder-start',
      'SequenceFlowTaken:r1',
      'ElementActivated:reminded',
      'ElementCompleted:reminded',
      'ElementCompleted:on-reminder',
    ]);
    expect(scenario.activeElements()).toEqual(['permit', 'stage']);
  });
});
