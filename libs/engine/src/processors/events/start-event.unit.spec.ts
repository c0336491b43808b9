import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../../testing/case-scenario';

describe('start event', () => {
  it('a none start event runs the case straight to its none end event', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'start-event-none.bpmn')));

    // when
    const events = scenario.start({ applicant: '晋南新材料' });

    // then
    expect(trace(events)).toEqual([
      'CaseStarted',
      'ElementActivated:start',
      'ElementCompleted:start',
      'SequenceFlowTaken:f1',
      'ElementActivated:end',
      'ElementCompleted:end',
      'CaseCompleted',
    ]);
    expect(scenario.state.status).toBe('completed');
    expect(scenario.variablesOf('case-1')).toEqual({ applicant: '晋南新材料' });
  });
});
