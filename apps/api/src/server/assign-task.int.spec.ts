import { startTestApi, type TestApi } from '../testing/test-api';

const KEY = 'api-fixture-approval';

describe('a leader hands a task to a colleague (POST /api/tasks/:id/assign, GET /api/users)', () => {
  let api: TestApi;
  let leader: string;

  /** A new lf case, waiting at its window task; returns the task id. */
  async function windowTask(): Promise<string> {
    const started = await api.call('POST', '/api/cases', { token: await api.login('lf-clerk'), body: { definitionKey: KEY } });
    return started.body.tasks[0].id;
  }

  beforeAll(async () => {
    api = await startTestApi();
    leader = await api.login('lf-leader');
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it('the leader lists the colleagues of the zone, without password hashes', async () => {
    // when
    const answer = await api.call('GET', '/api/users', { token: leader });

    // then
    expect(answer.status).toBe(200);
    expect(answer.body).toContainEqual({ id: 'lf-planning', name: '李娜', roles: ['clerk'], zoneId: 'lf', groups: ['planning', 'approval'] });
    expect(answer.body.every((user: { zoneId: string }) => user.zoneId === 'lf')).toBe(true);
    expect(JSON.stringify(answer.body)).not.toContain('passwordHash');
  });

  it('another zone is not found for a leader, a bad zone code is a 400 naming it', async () => {
    // when
    const other = await api.call('GET', '/api/users?zoneId=cz', { token: leader });
    const bad = await api.call('GET', '/api/users?zoneId=mars', { token: leader });

    // then
    expect(other.status).toBe(404);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('mars');
  });

  it('a task claimed by one clerk goes to the colleague, who sees it as theirs and completes it', async () => {
    // given
    const taskId = await windowTask();
    await api.call('POST', `/api/tasks/${taskId}/claim`, { token: await api.login('lf-clerk') });

    // when
    const answer = await api.call('POST', `/api/tasks/${taskId}/assign`, { token: leader, body: { userId: 'lf-planning' } });

    // then
    expect(answer.status).toBe(200);
    expect(answer.body.tasks.find((t: { id: string }) => t.id === taskId).assignee).toBe('lf-planning');
    const planning = await api.login('lf-planning');
    const mine = await api.call('GET', '/api/tasks?scope=mine', { token: planning });
    expect(mine.body.map((t: { id: string }) => t.id)).toContain(taskId);
    const events = await api.call('GET', `/api/cases/${answer.body.id}/events`, { token: leader });
    expect(events.body.at(-1)).toMatchObject({ type: 'TaskClaimed', data: { userId: 'lf-planning', by: 'lf-leader', previousAssignee: 'lf-clerk' } });
    const completed = await api.call('POST', `/api/tasks/${taskId}/complete`, { token: planning, body: { variables: { applicantName: '晋南新材料', complete: true } } });
    expect(completed.status).toBe(200);
  });

  it('refuses an unknown task or user (404), a user of another zone (404), one who works no tasks (400) and a completed task (409)', async () => {
    // given
    const taskId = await windowTask();
    const doneId = await windowTask();
    await api.call('POST', `/api/tasks/${doneId}/complete`, { token: await api.login('lf-clerk'), body: { variables: { applicantName: '晋南新材料' } } });

    // when
    const answers = await Promise.all([
      api.call('POST', '/api/tasks/no-such-task/assign', { token: leader, body: { userId: 'lf-planning' } }),
      api.call('POST', `/api/tasks/${taskId}/assign`, { token: leader, body: { userId: 'nobody' } }),
      api.call('POST', `/api/tasks/${taskId}/assign`, { token: leader, body: { userId: 'cz-clerk' } }),
      api.call('POST', `/api/tasks/${taskId}/assign`, { token: leader, body: { userId: 'lf-applicant' } }),
      api.call('POST', `/api/tasks/${doneId}/assign`, { token: leader, body: { userId: 'lf-planning' } }),
      api.call('POST', `/api/tasks/${taskId}/assign`, { token: leader, body: {} }),
    ]);

    // then
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 400, 409, 400]);
    expect(answers[1].body.message).toContain('nobody');
    expect(answers[3].body.message).toContain('lf-applicant');
  });
});
