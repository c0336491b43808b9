import { join } from 'node:path';
import { fold } from '../evolve';
import { toCaseView } from '../case-view';
import { CaseScenario, compileFixture, trace, types } from '../testing/case-scenario';

const fixture = join(__dirname, 'linfen-parallel-approval.bpmn');

describe('Linfen parallel approval (accept → parallel department reviews → leader sign-off)', () => {
  it('runs end to end: acceptance, three parallel reviews, sign-off, e-certificate', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));
    scenario.start({ leader: 'zhaojun', project: '晋南新材料' });
    expect(toCaseView(scenario.state).tasks.map((t) => [t.elementId, t.candidateGroups, t.limitWorkingDays])).toEqual([['accept', ['lf-window'], 1]]);

    // when the window accepts, the three departments review in parallel
    const forked = scenario.completeTask('accept');
    expect(trace(forked).filter((t) => t.startsWith('TaskCreated'))).toEqual([
      'TaskCreated:planning-review',
      'TaskCreated:design-review',
      'TaskCreated:fire-review',
    ]);

    // and the join waits for the last review
    expect(types(scenario.completeTask('planning-review'))).not.toContain('TaskCreated');
    expect(types(scenario.completeTask('fire-review'))).not.toContain('TaskCreated');
    const joined = scenario.completeTask('design-review');
    expect(trace(joined)).toContain('ElementActivated:join');
    expect(toCaseView(scenario.state).tasks).toEqual([expect.objectContaining({ elementId: 'leader-sign-off', assignee: 'zhaojun' })]);

    // and the leader approves, so the certificate is issued
    scenario.completeTask('leader-sign-off', { approved: true }, 'zhaojun');
    const issued = scenario.when({ type: 'CompleteJob', jobId: scenario.jobAt('issue-certificate'), variables: { certificateNo: 'LF-2026-0001' } });

    // then
    expect(trace(issued)).toEqual([
      'JobCompleted',
      'VariablesSet',
      'ElementCompleted:issue-certificate',
      'SequenceFlowTaken:f-issued',
      'ElementActivated:permit-issued',
      'ElementCompleted:permit-issued',
      'CaseCompleted',
    ]);
    const view = toCaseView(scenario.state);
    expect(view.status).toBe('completed');
    expect(view.variables).toMatchObject({ approved: true, certificateNo: 'LF-2026-0001' });
    expect(view.takenFlows).toContain('f-approved');
    expect(fold(scenario.history)).toEqual(scenario.state);
  });

  it('a refusal by the leader ends the case without a certificate', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));
    scenario.start({ leader: 'zhaojun' });
    for (const step of ['accept', 'planning-review', 'design-review', 'fire-review']) scenario.completeTask(step);

    // when
    const events = scenario.completeTask('leader-sign-off', { approved: false }, 'zhaojun');

    // then
    expect(trace(events)).toContain('ElementActivated:refused');
    expect(types(events)).not.toContain('JobCreated');
    expect(scenario.state.status).toBe('completed');
  });
});
