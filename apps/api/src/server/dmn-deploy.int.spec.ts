import { startTestApi, type TestApi } from '../testing/test-api';

/**
 * DMN over HTTP (issue #14): `.dmn` resources deploy with their flow in `decisions` (file name →
 * DMN XML), are stored and hashed with it, compiled again after a restart, and a business rule
 * task's result drives the flow's gateway.
 */
const KEY = 'dmn-http-route';

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:banjie="http://banjie.gov.cn/schema/bpmn/1.0" id="d" targetNamespace="https://banjie.example/dmn">
  <bpmn:process id="${KEY}" name="按面积分流 Route by area" isExecutable="true">
    <bpmn:startEvent id="Start"/><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Decide"/>
    <bpmn:businessRuleTask id="Decide" name="定审查路径 Decide the review">
      <bpmn:extensionElements><zeebe:calledDecision decisionId="review-lane" resultVariable="lane"/></bpmn:extensionElements>
    </bpmn:businessRuleTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Decide" targetRef="Lane"/>
    <bpmn:exclusiveGateway id="Lane" default="ToFull"/>
    <bpmn:sequenceFlow id="ToFast" sourceRef="Lane" targetRef="FastReview"><bpmn:conditionExpression>=lane = "fast"</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="ToFull" sourceRef="Lane" targetRef="FullReview"/>
    <bpmn:userTask id="FastReview" name="快速审查 Fast review"><bpmn:extensionElements><zeebe:userTask/><banjie:legalLimit workingDays="1"/><zeebe:assignmentDefinition candidateGroups="window"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:userTask id="FullReview" name="完整审查 Full review"><bpmn:extensionElements><zeebe:userTask/><banjie:legalLimit workingDays="5"/><zeebe:assignmentDefinition candidateGroups="window"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="F3" sourceRef="FastReview" targetRef="End1"/><bpmn:endEvent id="End1"/>
    <bpmn:sequenceFlow id="F4" sourceRef="FullReview" targetRef="End2"/><bpmn:endEvent id="End2"/>
  </bpmn:process>
</bpmn:definitions>`;

/** 审查路径 Review lane: an area under `limit` m² takes the fast lane. */
const dmn = (limit: number, inputEntry = `&lt; ${limit}`) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="review-lanes" name="审查路径 Review lanes" namespace="http://banjie/dmn">
  <decision id="review-lane" name="审查路径 Review lane">
    <decisionTable id="Table" hitPolicy="FIRST">
      <input id="In"><inputExpression id="InExpr" typeRef="number"><text>area</text></inputExpression></input>
      <output id="Out" name="lane" typeRef="string"/>
      <rule id="SmallSite"><inputEntry id="R1i"><text>${inputEntry}</text></inputEntry><outputEntry id="R1o"><text>"fast"</text></outputEntry></rule>
      <rule id="OtherSite"><inputEntry id="R2i"><text>-</text></inputEntry><outputEntry id="R2o"><text>"full"</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>`;

const deploy = (api: TestApi, token: string, decisions: Record<string, unknown>) => api.call('POST', '/api/definitions', { token, body: { xml: bpmn, decisions } });
const openTaskOf = async (api: TestApi, token: string, area: number): Promise<string[]> => {
  const started = await api.call('POST', '/api/cases', { token, body: { definitionKey: KEY, variables: { area } } });
  expect(started.status).toBe(201);
  return (started.body.tasks as { elementId: string }[]).map((t) => t.elementId);
};

describe('DMN decisions deployed with a flow over HTTP', () => {
  let api: TestApi;
  let designer: string;
  let clerk: string;

  beforeAll(async () => {
    api = await startTestApi();
    designer = await api.login('lf-designer');
    clerk = await api.login('lf-clerk');
  });

  afterAll(async () => {
    await api?.stop({ removeData: true });
  });

  it('deploys a flow with its DMN; the decision routes two cases down two paths, and GET returns the DMN', async () => {
    // when
    const deployed = await deploy(api, designer, { 'review-lanes.dmn': dmn(1000) });
    const small = await openTaskOf(api, clerk, 300);
    const large = await openTaskOf(api, clerk, 8000);
    const definition = await api.call('GET', `/api/definitions/${KEY}`, { token: designer });

    // then
    expect(deployed.status).toBe(201);
    expect(deployed.body).toMatchObject({ key: KEY, version: 1 });
    expect(small).toEqual(['FastReview']);
    expect(large).toEqual(['FullReview']);
    expect(definition.body.decisions).toEqual({ 'review-lanes.dmn': dmn(1000) });
  });

  it('an unchanged redeploy keeps the version; a changed DMN alone makes a new version that decides by the new table', async () => {
    // when
    const again = await deploy(api, designer, { 'review-lanes.dmn': dmn(1000) });
    const changed = await deploy(api, designer, { 'review-lanes.dmn': dmn(10000) });
    const nowFast = await openTaskOf(api, clerk, 8000);

    // then
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
    expect(changed.status).toBe(201);
    expect(changed.body.version).toBe(2);
    expect(nowFast).toEqual(['FastReview']);
    expect((await api.call('GET', `/api/definitions/${KEY}/versions/1`, { token: designer })).body.decisions).toEqual({ 'review-lanes.dmn': dmn(1000) });
  });

  it('refuses a DMN with bad FEEL in a rule with 422, naming the decision and the rule', async () => {
    // when
    const answer = await deploy(api, designer, { 'review-lanes.dmn': dmn(1000, '&lt; (1000') });

    // then
    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe('invalid_bpmn');
    expect(answer.body.message).toBe('A DMN resource of the deployment cannot be deployed');
    expect(answer.body.details).toEqual([
      { elementId: 'review-lane', elementType: 'dmn:Decision', message: `review-lanes.dmn: decision 'review-lane': rule 'SmallSite', input entry 1: bad FEEL unary test "< (1000"` },
    ]);
  });

  it('refuses a business rule task whose decision is not deployed with 422 naming the element', async () => {
    // when
    const answer = await deploy(api, designer, {});

    // then
    expect(answer.status).toBe(422);
    expect(answer.body.details).toEqual([{ elementId: 'Decide', elementType: 'bpmn:BusinessRuleTask', message: 'the decision "review-lane" is not deployed with the process' }]);
  });

  it('refuses with 400 naming the field a resource that is not a .dmn file name or not XML text', async () => {
    // when
    const badName = await deploy(api, designer, { 'review-lanes.xml': dmn(1000) });
    const notText = await deploy(api, designer, { 'review-lanes.dmn': { xml: dmn(1000) } });

    // then
    expect(badName.status).toBe(400);
    expect(badName.body.details).toEqual([{ field: 'decisions.review-lanes.xml', message: expect.stringContaining('is not a DMN file name') }]);
    expect(notText.status).toBe(400);
    expect(notText.body.details).toEqual([{ field: 'decisions.review-lanes.dmn', message: 'the DMN resource "review-lanes.dmn" must be its XML as a non-empty string' }]);
  });

  it('after a restart the deployed DMN is compiled again (in the compile worker) and still decides', async () => {
    // given
    await api.stop();

    // when it starts again, compiling in the worker thread as the built api does
    process.env['BANJIE_COMPILE_IN_WORKER'] = '1';
    try {
      api = await startTestApi({}, api.dataDir);
    } finally {
      delete process.env['BANJIE_COMPILE_IN_WORKER'];
    }
    designer = await api.login('lf-designer');
    clerk = await api.login('lf-clerk');
    const large = await openTaskOf(api, clerk, 20000);
    const small = await openTaskOf(api, clerk, 20);
    const again = await deploy(api, designer, { 'review-lanes.dmn': dmn(10000) });

    // then
    expect(large).toEqual(['FullReview']);
    expect(small).toEqual(['FastReview']);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);
  }, 120_000);
});
