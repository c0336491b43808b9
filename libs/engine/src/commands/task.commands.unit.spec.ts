import { join } from 'node:path';
import { toCaseView } from '../case-view';
import { CaseScenario, compileFixture, types } from '../testing/case-scenario';

const fixture = join(__dirname, '../processors/tasks/user-task.bpmn');

/** A case waiting at the housing review, open to its candidates (no assignee). */
async function reviewWaiting(): Promise<{ scenario: CaseScenario; taskId: string }> {
  const scenario = new CaseScenario(await compileFixture(fixture));
  scenario.start({ reviewer: null, dueDate: '2026-03-10T17:00:00+08:00', groups: ['lf-leaders'] });
  return { scenario, taskId: scenario.taskAt('review') };
}

describe('assigning a task', () => {
  it('a leader hands an unclaimed task to a colleague, who then completes it', async () => {
    // given
    const { scenario, taskId } = await reviewWaiting();

    // when
    const events = scenario.when({ type: 'AssignTask', taskId, userId: 'lina', by: 'zhaojun' });

    // then
    expect(events).toEqual([expect.objectContaining({ type: 'TaskClaimed', data: expect.objectContaining({ taskId, userId: 'lina', by: 'zhaojun' }) })]);
    expect(events[0].data).not.toHaveProperty('previousAssignee');
    expect(toCaseView(scenario.state).tasks[0].assignee).toBe('lina');
    expect(types(scenario.when({ type: 'CompleteTask', taskId, userId: 'lina', variables: { reviewOpinion: '同意' } }))).toContain('TaskCompleted');
  });

  it('a leader takes a claimed task from one clerk and gives it to another, naming whom it was taken from', async () => {
    // given
    const { scenario, taskId } = await reviewWaiting();
    scenario.when({ type: 'ClaimTask', taskId, userId: 'zhangqiang' });

    // when
    const events = scenario.when({ type: 'AssignTask', taskId, userId: 'lina', by: 'zhaojun' });

    // then
    expect(events[0].data).toMatchObject({ userId: 'lina', by: 'zhaojun', previousAssignee: 'zhangqiang' });
    expect(scenario.refused({ type: 'CompleteTask', taskId, userId: 'zhangqiang' }).code).toBe('invalid_state');
  });

  it('assigning a task to its assignee changes nothing', async () => {
    // given
    const { scenario, taskId } = await reviewWaiting();
    scenario.when({ type: 'ClaimTask', taskId, userId: 'lina' });

    // when
    const events = scenario.when({ type: 'AssignTask', taskId, userId: 'lina', by: 'zhaojun' });

    // then
    expect(events).toEqual([]);
  });

  it('a completed task cannot be assigned', async () => {
    // given
    const { scenario, taskId } = await reviewWaiting();
    scenario.when({ type: 'CompleteTask', taskId, userId: 'lina', variables: { reviewOpinion: '同意' } });

    // when
    const rejection = scenario.refused({ type: 'AssignTask', taskId, userId: 'zhangqiang', by: 'zhaojun' });

    // then
    expect(rejection.code).toBe('not_found');
  });
});
