import { join } from 'node:path';
import { toCaseView } from '../case-view';
import { CaseScenario, compileFixture, trace, types } from '../testing/case-scenario';

const fixture = join(__dirname, '../scenarios/linfen-parallel-approval.bpmn');

describe('case commands', () => {
  it('cancelling a case terminates what runs, closes its waits and records the reason', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));
    scenario.start({ leader: 'zhaojun' });

    // when
    const events = scenario.when({ type: 'CancelCase', reason: '申请人撤回' });

    // then
    expect(trace(events)).toEqual(['TimerCancelled', 'TimerCancelled', 'TaskCancelled', 'DeadlineCleared', 'ElementTerminated:accept', 'CaseCancelled']);
    expect(toCaseView(scenario.state)).toMatchObject({ status: 'cancelled', tasks: [], timers: [], active: [] });
    expect(scenario.refused({ type: 'CompleteTask', taskId: 'id-5', userId: 'wangli' }).code).toBe('invalid_state');
  });

  it('the applicant rates a closed case once, from 1 to 5', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, '../processors/events/start-event-none.bpmn')));
    scenario.start();

    // when
    const events = scenario.when({ type: 'SubmitEvaluation', rating: 5, comment: '非常满意', userId: 'applicant-1' });

    // then
    expect(types(events)).toEqual(['EvaluationSubmitted']);
    expect(scenario.state.evaluation).toMatchObject({ rating: 5, comment: '非常满意' });
    expect(scenario.refused({ type: 'SubmitEvaluation', rating: 4, userId: 'applicant-1' }).code).toBe('already_done');
  });

  it('a rating outside 1..5 is refused', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, '../processors/events/start-event-none.bpmn')));
    scenario.start();

    // when
    const rejection = scenario.refused({ type: 'SubmitEvaluation', rating: 6, userId: 'applicant-1' });

    // then
    expect(rejection.code).toBe('invalid_input');
  });

  it('a command on a case that never started is refused as not found, a second start as a conflict', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));

    // when
    const notStarted = scenario.refused({ type: 'CompleteTask', taskId: 't', userId: 'u' });
    scenario.start({ leader: 'zhaojun' });
    const again = scenario.refused({ type: 'StartCase', caseId: 'case-1', definitionKey: 'lf-parallel-approval', version: 1, zoneId: 'lf' });

    // then
    expect(notStarted.code).toBe('not_found');
    expect(again.code).toBe('already_done');
  });
});
