import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../testing/case-scenario';

async function started(): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(join(__dirname, 'fire-timer.bpmn')));
  scenario.start();
  return scenario;
}

describe('Zeebe: a timer triggers only once it is due', () => {
  it('Zeebe: a timer is not triggered before its due date, so FireTimer 30 days early is refused and changes nothing', async () => {
    // given
    const scenario = await started();
    const timerId = scenario.timerOf('overdue');
    const before = scenario.state;

    // when
    const rejection = scenario.refused({ type: 'FireTimer', timerId });

    // then
    expect(rejection.code).toBe('invalid_state');
    expect(rejection.message).toContain('is due at');
    expect(scenario.state).toBe(before);
  });

  it('Zeebe: one second before the due date is still too early; at the due date the boundary timer triggers', async () => {
    // given
    const scenario = await started();
    const timerId = scenario.timerOf('overdue');
    const dueMs = Date.parse(scenario.timer(timerId).dueAt);
    scenario.now = new Date(dueMs - 1_000).toISOString();
    expect(scenario.refused({ type: 'FireTimer', timerId }).code).toBe('invalid_state');

    // when
    scenario.now = new Date(dueMs).toISOString();
    const events = scenario.when({ type: 'FireTimer', timerId });

    // then
    expect(trace(events)).toContain('TimerFired');
    expect(scenario.state.status).toBe('completed');
  });
});
