import { join } from 'node:path';
import { toCaseView } from './case-view';
import { CaseScenario, compileFixture } from './testing/case-scenario';

describe('the case view', () => {
  it('names the message a waiting case expects, so the applicant can send the supplement', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'processors/tasks/send-receive-task.bpmn')));

    // when
    scenario.start({ applicationId: 'XY-2026-D017', project: 'p' });

    // then
    expect(toCaseView(scenario.state).messageSubscriptions).toEqual([{ elementId: 'reply', messageName: 'opinion-given', correlationKey: 'XY-2026-D017' }]);
  });

  it('drops the message once it has arrived', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'processors/tasks/send-receive-task.bpmn')));
    scenario.start({ applicationId: 'XY-2026-D017', project: 'p' });

    // when
    scenario.when({ type: 'CorrelateMessage', name: 'opinion-given', correlationKey: 'XY-2026-D017' });

    // then
    expect(toCaseView(scenario.state).messageSubscriptions).toBeUndefined();
  });

  it('shows the applicant’s rating once given', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'processors/events/start-event-none.bpmn')));
    scenario.start();
    expect(toCaseView(scenario.state).evaluation).toBeUndefined();

    // when
    scenario.when({ type: 'SubmitEvaluation', rating: 5, comment: '非常满意', userId: 'lf-applicant' });

    // then
    expect(toCaseView(scenario.state).evaluation).toMatchObject({ rating: 5, comment: '非常满意', userId: 'lf-applicant' });
  });
});
