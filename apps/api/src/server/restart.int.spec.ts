import { startTestApi } from '../testing/test-api';

describe('a restart', () => {
  it('keeps every case, user and token, and seeds nothing twice', async () => {
    // given an api that seeded, deployed and ran a case
    const first = await startTestApi();
    const token = await first.login('lf-applicant');
    const started = await first.call('POST', '/api/cases', { token, body: { definitionKey: 'api-fixture-approval', businessKey: 'LF-RESTART' } });
    // 7 zones × 6 roles (designer, clerk, agent, leader, applicant, admin), the 3 department people of DOMAIN.md, auditor and admin
    expect(first.running.demoUsersSeeded).toBe(48);
    expect(first.running.deployments).toEqual([expect.objectContaining({ file: 'linfen-api-fixture.bpmn', zoneId: 'lf', outcome: 'deployed', version: 1 })]);
    await first.stop();

    // when it starts again on the same data dir
    const second = await startTestApi({}, first.dataDir);

    // then
    try {
      expect(second.running.demoUsersSeeded).toBe(0);
      expect(second.running.deployments).toEqual([expect.objectContaining({ outcome: 'unchanged', version: 1 })]);
      const again = await second.call('GET', `/api/cases/${started.body.id}`, { token });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ businessKey: 'LF-RESTART', status: 'active' });
      const listed = await second.call('GET', '/api/cases?businessKey=LF-RESTART', { token });
      expect(listed.body).toHaveLength(1);
      const definitions = await second.call('GET', '/api/definitions', { token: await second.login('lf-designer') });
      expect(definitions.body).toEqual([expect.objectContaining({ key: 'api-fixture-approval', version: 1 })]);
    } finally {
      await second.stop({ removeData: true });
    }
  });

  it('stops a start with a bad setting, naming it', async () => {
    // when
    const attempt = startTestApi({ BANJIE_CLOCK: 'sundial' });

    // then
    await expect(attempt).rejects.toThrow(/BANJIE_CLOCK must be one of system \| manual, got "sundial"/);
  });
});
