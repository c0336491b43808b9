import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, FIXTURE_BPMN_DIR, startTestApi, type TestApi } from '../testing/test-api';
import type { StatsView } from '@banjie/contracts';

const FIXTURE_XML = readFileSync(join(FIXTURE_BPMN_DIR, 'linfen-api-fixture.bpmn'), 'utf8');
const KEY = 'api-fixture-approval';
const RAW_XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Defs_Raw" targetNamespace="https://banjie.example/raw">
  <bpmn:process id="api-raw-flow" name="Raw XML flow" isExecutable="true">
    <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />
    <bpmn:endEvent id="End"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

describe('the api over HTTP: deploy, start, work the tasks, audit', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it('answers health with the store kind', async () => {
    // when
    const answer = await api.call('GET', '/api/health');

    // then
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'ok', store: 'sqlite' });
  });

  it('signs in a demo user and refuses a wrong password', async () => {
    // when
    const good = await api.call('POST', '/api/auth/login', { body: { username: 'lf-clerk', password: 'banjie' } });
    const bad = await api.call('POST', '/api/auth/login', { body: { username: 'lf-clerk', password: 'nope' } });

    // then
    expect(good.status).toBe(200);
    expect(good.body.user).toEqual({ id: 'lf-clerk', name: '王丽', roles: ['clerk'], zoneId: 'lf', groups: ['window', 'approval'] });
    expect(typeof good.body.accessToken).toBe('string');
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('unauthenticated');
  });

  it('deployed the fixture flow of the bpmn folder to its zone at start', async () => {
    // given
    const designer = await api.login('lf-designer');

    // when
    const lf = await api.call('GET', '/api/definitions', { token: designer });
    const cz = await api.call('GET', '/api/definitions', { token: await api.login('cz-designer') });
    const one = await api.call('GET', `/api/definitions/${KEY}`, { token: designer });

    // then
    expect(lf.body).toEqual([expect.objectContaining({ key: KEY, version: 1 })]);
    expect(cz.body).toEqual([]);
    expect(one.body).toMatchObject({ key: KEY, version: 1, zoneId: 'lf', forms: { 'window-check': expect.any(Object) } });
    expect(one.body.xml).toContain('Task_WindowCheck');
  });

  it('keeps the version for the same XML and makes a new one for a changed XML', async () => {
    // given
    const designer = await api.login('lf-designer');
    const form = (await api.call('GET', `/api/definitions/${KEY}`, { token: designer })).body.forms;

    // when
    const same = await api.call('POST', '/api/definitions', { token: designer, body: { xml: FIXTURE_XML, forms: form } });
    const changed = await api.call('POST', '/api/definitions', { token: designer, body: { xml: FIXTURE_XML.replace('API fixture:', 'API fixture v2:'), forms: form } });
    const raw = await api.call('POST', '/api/definitions', { token: designer, raw: RAW_XML, contentType: 'application/xml' });
    const v1 = await api.call('GET', `/api/definitions/${KEY}/versions/1`, { token: designer });

    // then
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(1);
    expect(changed.status).toBe(201);
    expect(changed.body).toMatchObject({ key: KEY, version: 2, warnings: expect.any(Array) });
    expect(raw.status).toBe(201);
    expect(raw.body).toMatchObject({ key: 'api-raw-flow', version: 1 });
    expect(v1.body.name).toBe('API fixture: window check, parallel reviews, sign-off, certificate');
  });

  it('refuses a broken model, a DOCTYPE, a body over 5 MiB and unknown fields', async () => {
    // given
    const designer = await api.login('lf-designer');
    const doctype = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${FIXTURE_XML.replace(/^<\?xml[^>]*>/, '')}`;

    // when
    const broken = await api.call('POST', '/api/definitions', { token: designer, body: { xml: '<bpmn:definitions' } });
    const withDoctype = await api.call('POST', '/api/definitions', { token: designer, raw: doctype, contentType: 'application/xml' });
    const huge = await api.call('POST', '/api/definitions', { token: designer, body: { xml: 'x'.repeat(5 * 1024 * 1024 + 10) } });
    const unknownField = await api.call('POST', '/api/definitions', { token: designer, body: { xml: FIXTURE_XML, extra: 1 } });

    // then
    expect(broken.status).toBe(422);
    expect(broken.body.error).toBe('invalid_bpmn');
    expect(broken.body.details.length).toBeGreaterThan(0);
    expect(withDoctype.status).toBe(422);
    expect(withDoctype.body.error).toBe('invalid_bpmn');
    expect(huge.status).toBe(413);
    expect(huge.body.error).toBe('payload_too_large');
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error).toBe('bad_request');
  });

  it('runs a case from start to the e-certificate, with the rules of claim and complete', async () => {
    // given
    const applicant = await api.login('lf-applicant');
    const clerk = await api.login('lf-clerk');
    const leader = await api.login('lf-leader');

    // when a case starts
    const started = await api.call('POST', '/api/cases', { token: applicant, body: { definitionKey: KEY, version: 1, businessKey: 'LF-2026-001', variables: { project: '晋南新材料' } } });

    // then it waits at the window
    expect(started.status).toBe(201);
    const caseId: string = started.body.id;
    expect(started.body).toMatchObject({ businessKey: 'LF-2026-001', definitionKey: KEY, version: 1, zoneId: 'lf', status: 'active' });
    expect(started.body.tasks.map((t: { elementId: string }) => t.elementId)).toEqual(['Task_WindowCheck']);
    const windowTask = started.body.tasks[0].id as string;

    // and the window clerk sees it as a candidate
    const inbox = await api.call('GET', '/api/tasks?scope=candidate', { token: clerk });
    expect(inbox.body.map((t: { id: string }) => t.id)).toContain(windowTask);

    // when the clerk claims it, another user cannot take it
    expect((await api.call('POST', `/api/tasks/${windowTask}/claim`, { token: clerk })).status).toBe(200);
    const mine = await api.call('GET', '/api/tasks?scope=mine', { token: clerk });
    expect(mine.body.map((t: { id: string }) => t.id)).toEqual([windowTask]);
    const stolen = await api.call('POST', `/api/tasks/${windowTask}/claim`, { token: leader });
    expect(stolen.status).toBe(409);
    expect(stolen.body.error).toBe('conflict');
    const notCandidate = await api.call('POST', `/api/tasks/${windowTask}/complete`, { token: await api.login('lf-planning'), body: { variables: {} } });
    expect(notCandidate.status).toBe(403);

    // and the form is enforced
    const invalid = await api.call('POST', `/api/tasks/${windowTask}/complete`, { token: clerk, body: { variables: { investment: 'a lot' } } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error).toBe('invalid_variables');
    expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['applicantName', 'investment']);

    // when the clerk completes the window check
    const checked = await api.call('POST', `/api/tasks/${windowTask}/complete`, { token: clerk, body: { variables: { applicantName: '晋南新材料', complete: true, tier: '2' } } });

    // then the parallel reviews open, and the task cannot be completed twice
    expect(checked.status).toBe(200);
    expect(checked.body.tasks.map((t: { elementId: string }) => t.elementId).sort()).toEqual(['Task_Housing', 'Task_Planning']);
    expect(checked.body.variables).toMatchObject({ applicantName: '晋南新材料', project: '晋南新材料' });
    expect((await api.call('POST', `/api/tasks/${windowTask}/complete`, { token: clerk, body: {} })).status).toBe(409);

    // when the departments and the leader finish
    for (const [user, elementId] of [['lf-planning', 'Task_Planning'], ['lf-housing', 'Task_Housing'], ['lf-leader', 'Task_SignOff']]) {
      const token = await api.login(user);
      const view = (await api.call('GET', `/api/cases/${caseId}`, { token })).body;
      const task = view.tasks.find((t: { elementId: string }) => t.elementId === elementId);
      expect((await api.call('POST', `/api/tasks/${task.id}/claim`, { token })).status).toBe(200);
      expect((await api.call('POST', `/api/tasks/${task.id}/complete`, { token, body: { variables: { [`${elementId}Approved`]: true } } })).status).toBe(200);
    }

    // then the certificate worker closes the case
    const closed = await eventually(
      () => api.call('GET', `/api/cases/${caseId}`, { token: clerk }),
      (a) => a.body.status === 'completed',
    );
    expect(closed.body.status).toBe('completed');
    expect(closed.body.variables.certificateNo).toMatch(/^LF-\d{8}-[0-9A-F]{8}$/);
    expect(closed.body.completed).toEqual(expect.arrayContaining([{ elementId: 'End_Issued', count: 1 }]));

    // and the case list and stats follow
    const list = await api.call('GET', '/api/cases?status=completed&businessKey=LF-2026-001', { token: clerk });
    expect(list.body.map((c: { id: string }) => c.id)).toEqual([caseId]);

    // and the audit trail holds together
    const events = await api.call('GET', `/api/cases/${caseId}/events`, { token: await api.login('auditor') });
    expect(events.body[0]).toMatchObject({ revision: 0, type: 'CaseStarted', prevHash: '' });
    expect(events.body[0].metadata).toMatchObject({ actor: { id: 'lf-applicant' }, zoneId: 'lf', definitionVersion: 1 });
    for (let i = 1; i < events.body.length; i++) expect(events.body[i].prevHash).toBe(events.body[i - 1].hash);
    const atStart = await api.call('GET', `/api/cases/${caseId}/state?revision=0`, { token: clerk });
    expect(atStart.body).toMatchObject({ id: caseId, status: 'active', revision: 0 });
    const verified = await api.call('GET', `/api/cases/${caseId}/verify`, { token: clerk });
    expect(verified.body).toEqual({ valid: true, events: events.body.length, headHash: events.body.at(-1).hash });

    // and the applicant rates it, once
    const rated = await api.call('POST', `/api/cases/${caseId}/evaluation`, { token: applicant, body: { rating: 5, comment: '非常满意' } });
    expect(rated.status).toBe(201);
    expect((await api.call('POST', `/api/cases/${caseId}/evaluation`, { token: applicant, body: { rating: 1 } })).status).toBe(409);
    const stats = await api.call('GET', '/api/stats', { token: leader });
    expect(stats.body).toMatchObject({ zoneId: 'lf', cases: { completed: 1 }, satisfaction: 1 });
    const { flows, weeks } = stats.body as StatsView;
    expect(flows?.reduce((sum, flow) => sum + flow.completed, 0)).toBe(1);
    expect(weeks?.reduce((sum, week) => sum + week.completed, 0)).toBe(1);
    // and the leader reads no other zone's statistics
    expect((await api.call('GET', '/api/stats?zoneId=cz', { token: leader })).status).toBe(403);
  });

  it('carries the correlation id of the caller into the events it causes', async () => {
    // given
    const applicant = await api.login('lf-applicant');

    // when
    const started = await api.call('POST', '/api/cases', { token: applicant, body: { definitionKey: KEY }, headers: { 'X-Correlation-Id': 'corr-42' } });
    const events = await api.call('GET', `/api/cases/${started.body.id}/events`, { token: applicant });

    // then
    expect(started.headers.get('x-correlation-id')).toBe('corr-42');
    expect(events.body.map((e: { metadata: { correlationId: string } }) => e.metadata.correlationId)).toEqual(events.body.map(() => 'corr-42'));
    expect(events.body[0].metadata).toMatchObject({ commandId: expect.any(String), causationId: expect.any(String), wallClock: expect.any(String), definitionKey: KEY });
  });

  it('hides a case from another zone and from other applicants', async () => {
    // given
    const started = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), body: { definitionKey: KEY } });

    // when
    const otherZone = await api.call('GET', `/api/cases/${started.body.id}`, { token: await api.login('cz-clerk') });
    const province = await api.call('GET', `/api/cases/${started.body.id}`, { token: await api.login('auditor') });

    // then
    expect(otherZone.status).toBe(404);
    expect(otherZone.body.error).toBe('not_found');
    expect(province.status).toBe(200);
  });

  it('cancels a case, and refuses to cancel it twice', async () => {
    // given
    const started = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), body: { definitionKey: KEY } });
    const clerk = await api.login('lf-clerk');

    // when
    const cancelled = await api.call('POST', `/api/cases/${started.body.id}/cancel`, { token: clerk, body: { reason: '申请人撤回' } });
    const again = await api.call('POST', `/api/cases/${started.body.id}/cancel`, { token: clerk, body: { reason: 'again' } });

    // then
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(again.status).toBe(409);
  });

  it('answers errors in the body of API.md', async () => {
    // given
    const clerk = await api.login('lf-clerk');

    // when
    const unknownRoute = await api.call('GET', '/api/nothing-here', { token: clerk });
    const malformed = await api.call('POST', '/api/cases', { token: clerk, raw: '{"definitionKey": ' });
    const wrongType = await api.call('POST', '/api/cases', { token: clerk, body: { definitionKey: 42 } });
    const noToken = await api.call('GET', '/api/cases');
    const unknownCase = await api.call('GET', '/api/cases/00000000-0000-4000-8000-000000000000', { token: clerk });
    const noMessage = await api.call('POST', '/api/messages', { token: clerk, body: { name: 'Nobody', correlationKey: 'x' } });
    const overMiB = await api.call('POST', '/api/cases', { token: clerk, body: { definitionKey: KEY, variables: { scan: 'x'.repeat(1024 * 1024 + 1) } } });

    // then
    expect([unknownRoute.status, unknownRoute.body.error]).toEqual([404, 'not_found']);
    expect([malformed.status, malformed.body.error]).toEqual([400, 'bad_request']);
    expect([wrongType.status, wrongType.body.error]).toEqual([400, 'bad_request']);
    expect([noToken.status, noToken.body.error]).toEqual([401, 'unauthenticated']);
    expect([unknownCase.status, unknownCase.body.error]).toEqual([404, 'not_found']);
    expect([noMessage.status, noMessage.body.error]).toEqual([404, 'not_found']);
    expect([overMiB.status, overMiB.body.error]).toEqual([413, 'payload_too_large']);
  });

  it('serves the docs, the metrics, and a page saying the web app is not built', async () => {
    // when
    const docs = await api.call('GET', '/api/docs/openapi.json');
    const metrics = await api.call('GET', '/api/metrics');
    const home = await api.call('GET', '/inbox');

    // then
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/cases', '/api/tasks/{id}/complete', '/api/definitions']));
    expect(metrics.body).toMatch(/banjie_commands_total\{command="CompleteTask",outcome="ok"\} \d+/);
    expect(metrics.body).toMatch(/banjie_projection_lag_events/);
    expect(home.status).toBe(503);
    expect(home.body).toContain('npx nx run web:build');
  });
});
