import { startTestApi, type TestApi } from '../testing/test-api';

const header = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:banjie="http://banjie.gov.cn/schema/bpmn/1.0" id="d" targetNamespace="https://banjie.example/designer">`;

function flow(key: string, taskExtensions: string): string {
  return `${header}<bpmn:process id="${key}" name="设计器测试 Designer test" isExecutable="true">
    <bpmn:startEvent id="Start"/><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review"/>
    <bpmn:userTask id="Review" name="审查"><bpmn:extensionElements><zeebe:userTask/>${taskExtensions}</bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End"/><bpmn:endEvent id="End"/>
  </bpmn:process></bpmn:definitions>`;
}

describe('the designer over HTTP: the Banjie lint rules at deploy', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it('deploys a user task without a legal limit with the same warning the canvas shows', async () => {
    // given
    const designer = await api.login('lf-designer');

    // when
    const answer = await api.call('POST', '/api/definitions', { token: designer, body: { xml: flow('designer-no-limit', '<zeebe:assignmentDefinition candidateGroups="window"/>') } });

    // then
    expect(answer.status).toBe(201);
    expect(answer.body.warnings).toEqual([{ elementId: 'Review', elementType: 'bpmn:UserTask', message: expect.stringContaining('no legal limit (banjie:legalLimit workingDays)') }]);
  });

  it('refuses FEEL that does not parse in a legal limit, naming the element', async () => {
    // given
    const designer = await api.login('lf-designer');

    // when
    const answer = await api.call('POST', '/api/definitions', {
      token: designer,
      body: { xml: flow('designer-bad-limit', '<banjie:legalLimit workingDays="=if urgent then"/><zeebe:assignmentDefinition candidateGroups="window"/>') },
    });

    // then
    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe('invalid_bpmn');
    expect(answer.body.details).toEqual([{ elementId: 'Review', elementType: 'bpmn:UserTask', message: expect.stringContaining('FEEL 表达式有误 bad FEEL "=if urgent then"') }]);
  });

  it('refuses an exclusive gateway without a default nor a condition on every flow on the gateway, as the canvas does', async () => {
    // given
    const designer = await api.login('lf-designer');
    const xml = `${header}<bpmn:process id="designer-bare-fork" isExecutable="true">
      <bpmn:startEvent id="Start"/><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Fork"/><bpmn:exclusiveGateway id="Fork"/>
      <bpmn:sequenceFlow id="Yes" sourceRef="Fork" targetRef="End1"><bpmn:conditionExpression>=approved</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:sequenceFlow id="No" sourceRef="Fork" targetRef="End2"/><bpmn:endEvent id="End1"/><bpmn:endEvent id="End2"/>
    </bpmn:process></bpmn:definitions>`;

    // when
    const answer = await api.call('POST', '/api/definitions', { token: designer, body: { xml } });

    // then
    expect(answer.status).toBe(422);
    expect(answer.body.details).toContainEqual({ elementId: 'Fork', elementType: 'bpmn:ExclusiveGateway', message: expect.stringContaining('No has no condition') });
  });

  it('withdraws a flow: no new case (409 definition_withdrawn), running cases go on, hidden from clerks; restore brings it back', async () => {
    // given a deployed flow with a running case
    const designer = await api.login('lf-designer');
    const clerk = await api.login('lf-clerk');
    const key = 'designer-withdrawn';
    const deployed = await api.call('POST', '/api/definitions', { token: designer, body: { xml: flow(key, '<banjie:legalLimit workingDays="3"/><zeebe:assignmentDefinition candidateGroups="window"/>') } });
    const running = await api.call('POST', '/api/cases', { token: clerk, body: { definitionKey: key } });

    // when it is withdrawn
    const withdrawn = await api.call('POST', `/api/definitions/${key}/withdraw`, { token: designer });
    const refused = await api.call('POST', '/api/cases', { token: clerk, body: { definitionKey: key } });
    const clerkList = await api.call('GET', '/api/definitions', { token: clerk });
    const designerList = await api.call('GET', '/api/definitions', { token: designer });
    const again = await api.call('POST', `/api/definitions/${key}/withdraw`, { token: designer });
    const stillRunning = await api.call('GET', `/api/cases/${running.body.id}`, { token: clerk });

    // then
    expect(deployed.status).toBe(201);
    expect(running.status).toBe(201);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ key, withdrawn: true, changedBy: 'lf-designer' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'definition_withdrawn', message: expect.stringContaining('withdrawn') });
    expect(clerkList.body.map((d: { key: string }) => d.key)).not.toContain(key);
    expect(designerList.body).toContainEqual(expect.objectContaining({ key, withdrawn: true }));
    expect(again.status).toBe(409);
    expect(stillRunning.body.status).toBe('active');

    // when it is restored
    const restored = await api.call('POST', `/api/definitions/${key}/restore`, { token: designer });
    const started = await api.call('POST', '/api/cases', { token: clerk, body: { definitionKey: key } });
    const listed = await api.call('GET', '/api/definitions', { token: clerk });

    // then
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ key, withdrawn: false });
    expect(started.status).toBe(201);
    expect(listed.body.map((d: { key: string }) => d.key)).toContain(key);
  });

  it('counts the running cases of every version on the server, leaving out ended cases', async () => {
    // given three cases on v1 (one cancelled) and one on v2
    const designer = await api.login('lf-designer');
    const clerk = await api.login('lf-clerk');
    const key = 'designer-running-per-version';
    const limit = (days: number) => `<banjie:legalLimit workingDays="${days}"/><zeebe:assignmentDefinition candidateGroups="window"/>`;
    await api.call('POST', '/api/definitions', { token: designer, body: { xml: flow(key, limit(3)) } });
    const onFirst = [];
    for (let i = 0; i < 3; i++) onFirst.push(await api.call('POST', '/api/cases', { token: clerk, body: { definitionKey: key } }));
    await api.call('POST', `/api/cases/${onFirst[0].body.id}/cancel`, { token: clerk, body: { reason: '申请人撤回 withdrawn by the applicant' } });
    await api.call('POST', '/api/definitions', { token: designer, body: { xml: flow(key, limit(4)) } });
    await api.call('POST', '/api/cases', { token: clerk, body: { definitionKey: key } });

    // when
    const latest = await api.call('GET', `/api/definitions/${key}`, { token: designer });
    const first = await api.call('GET', `/api/definitions/${key}/versions/1`, { token: designer });

    // then
    expect(latest.status).toBe(200);
    expect(latest.body.version).toBe(2);
    expect(latest.body.versions).toEqual([
      { version: 2, deployedAt: expect.any(String), running: 1 },
      { version: 1, deployedAt: expect.any(String), running: 2 },
    ]);
    expect(first.body.version).toBe(1);
    expect(first.body.versions).toEqual(latest.body.versions);
  });

  it('lets only a designer of the flow\'s zone withdraw it', async () => {
    // given
    const key = 'designer-zone-only';
    await api.call('POST', '/api/definitions', { token: await api.login('lf-designer'), body: { xml: flow(key, '<banjie:legalLimit workingDays="3"/><zeebe:assignmentDefinition candidateGroups="window"/>') } });

    // when
    const otherZone = await api.call('POST', `/api/definitions/${key}/withdraw`, { token: await api.login('cz-designer') });
    const clerk = await api.call('POST', `/api/definitions/${key}/withdraw`, { token: await api.login('lf-clerk') });
    const unknown = await api.call('POST', '/api/definitions/no-such-flow/restore', { token: await api.login('lf-designer') });

    // then
    expect(otherZone.status).toBe(404);
    expect(clerk.status).toBe(403);
    expect(unknown.status).toBe(404);
  });
});
