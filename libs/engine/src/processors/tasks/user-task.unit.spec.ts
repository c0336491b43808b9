import { join } from 'node:path';
import { toCaseView } from '../../case-view';
import { CaseScenario, compileFixture, trace, types } from '../../testing/case-scenario';

const fixture = join(__dirname, 'user-task.bpmn');

async function startedCase(variables: Record<string, unknown> = {}): Promise<CaseScenario> {
  const scenario = new CaseScenario(await compileFixture(fixture));
  scenario.start({ reviewer: 'zhangqiang', dueDate: '2026-03-10T17:00:00+08:00', groups: ['lf-leaders'], ...variables });
  return scenario;
}

describe('user task', () => {
  it('creates a task with its assignee, candidates (FEEL and literals), form and due date', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));

    // when
    const events = scenario.start({ reviewer: 'zhangqiang', dueDate: '2026-03-10T17:00:00+08:00' });

    // then
    expect(trace(events).slice(-2)).toEqual(['ElementActivated:review', 'TaskCreated:review']);
    expect(toCaseView(scenario.state).tasks).toEqual([
      expect.objectContaining({
        elementId: 'review',
        name: '住建科审查',
        assignee: 'zhangqiang',
        candidateGroups: ['lf-housing', 'lf-window'],
        candidateUsers: ['zhangqiang', 'lina'],
        formId: 'review-form',
        dueAt: '2026-03-10T09:00:00.000Z',
        warning: 'none',
      }),
    ]);
  });

  it('completing the task maps its output and moves on to the next task with a legal limit', async () => {
    // given
    const scenario = await startedCase();

    // when
    const events = scenario.completeTask('review', { opinion: '同意' }, 'zhangqiang');

    // then
    expect(trace(events)).toEqual([
      'TaskCompleted',
      'VariablesSet',
      'VariablesSet',
      'ElementCompleted:review',
      'SequenceFlowTaken:f2',
      'ElementActivated:sign',
      'DeadlineSet:sign',
      'TimerScheduled:sign',
      'TimerScheduled:sign',
      'TaskCreated:sign',
    ]);
    expect(scenario.variablesOf('case-1')).toMatchObject({ reviewOpinion: '同意' });
    const sign = toCaseView(scenario.state).tasks[0];
    // 5 working days from Monday 2026-03-02: the end of Monday 2026-03-09
    expect(sign).toMatchObject({ candidateGroups: ['lf-leaders'], limitWorkingDays: 5, dueAt: '2026-03-10T00:00:00+08:00' });
  });

  it('a task claimed by one user cannot be completed by another', async () => {
    // given
    const scenario = await startedCase({ reviewer: null });
    const taskId = scenario.taskAt('review');
    expect(types(scenario.when({ type: 'ClaimTask', taskId, userId: 'lina' }))).toEqual(['TaskClaimed']);

    // when
    const rejection = scenario.refused({ type: 'CompleteTask', taskId, userId: 'zhangqiang' });

    // then
    expect(rejection.code).toBe('invalid_state');
    expect(scenario.refused({ type: 'ClaimTask', taskId, userId: 'zhangqiang' }).code).toBe('invalid_state');
  });

  it('an unclaimed task goes back to its candidates', async () => {
    // given
    const scenario = await startedCase({ reviewer: null });
    const taskId = scenario.taskAt('review');
    scenario.when({ type: 'ClaimTask', taskId, userId: 'lina' });

    // when
    const events = scenario.when({ type: 'UnclaimTask', taskId, userId: 'lina' });

    // then
    expect(types(events)).toEqual(['TaskUnclaimed']);
    expect(toCaseView(scenario.state).tasks[0].assignee).toBeUndefined();
  });

  it('an assignee expression on a missing variable raises an incident; fixing it and resolving creates the task', async () => {
    // given
    const scenario = new CaseScenario(await compileFixture(fixture));
    const started = scenario.start({ dueDate: '2026-03-10T17:00:00+08:00' });
    expect(types(started).slice(-1)).toEqual(['IncidentRaised']);
    const [incident] = toCaseView(scenario.state).incidents;
    expect(incident).toMatchObject({ elementId: 'review' });

    // when
    scenario.when({ type: 'SetVariables', variables: { reviewer: 'lina' } });
    const events = scenario.when({ type: 'ResolveIncident', incidentId: incident.id });

    // then
    expect(types(events)).toEqual(['IncidentResolved', 'TaskCreated']);
    expect(toCaseView(scenario.state).tasks[0].assignee).toBe('lina');
    expect(toCaseView(scenario.state).incidents).toEqual([]);
  });

  it('a completion with variables that are not an object is refused', async () => {
    // given
    const scenario = await startedCase();

    // when
    const rejection = scenario.refused({ type: 'CompleteTask', taskId: scenario.taskAt('review'), userId: 'zhangqiang', variables: [1] as never });

    // then
    expect(rejection.code).toBe('invalid_variables');
  });
});
