import { join } from 'node:path';
import { CaseScenario, compileFixture, trace } from '../../testing/case-scenario';

describe('manual task', () => {
  it('is done outside the system: it passes straight on', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(join(__dirname, 'send-receive-task.bpmn')));
    scenario.start({ applicationId: 'XY-2026-D017', project: 'p' });

    // when
    const events = scenario.when({ type: 'CorrelateMessage', name: 'opinion-given', correlationKey: 'XY-2026-D017' });

    // then
    expect(trace(events).slice(-6)).toEqual(['ElementActivated:visit', 'ElementCompleted:visit', 'SequenceFlowTaken:f4', 'ElementActivated:end', 'ElementCompleted:end', 'CaseCompleted']);
  });
});
