import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../testing/test-api';

const KEY = 'api-fixture-incident-repair';
const XML = readFileSync(join(__dirname, 'incident-repair.bpmn'), 'utf8');

describe('operations: repairing a case stuck on an incident', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    const deployed = await api.call('POST', '/api/definitions', { token: await api.login('lf-designer'), body: { xml: XML } });
    expect(deployed.status).toBe(201);
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  /** A case of lf whose fee script fails: it has no `area`. */
  async function stuckCase(businessKey: string): Promise<{ caseId: string; incidentId: string }> {
    const started = await api.call('POST', '/api/cases', { token: await api.login('lf-clerk'), body: { definitionKey: KEY, businessKey } });
    expect(started.status).toBe(201);
    expect(started.body.incidents).toHaveLength(1);
    return { caseId: started.body.id, incidentId: started.body.incidents[0].id };
  }

  it('lists the incident, sets the missing variable, retries, and the case goes on to its next step', async () => {
    // given
    const { caseId, incidentId } = await stuckCase('LF-OPS-1');
    const leader = await api.login('lf-leader');

    // when the leader lists the zone's incidents
    const listed = await api.call('GET', '/api/incidents', { token: leader });

    // then the incident names its case, element and what failed
    expect(listed.status).toBe(200);
    const incident = listed.body.find((i: { id: string }) => i.id === incidentId);
    expect(incident).toEqual({ id: incidentId, caseId, businessKey: 'LF-OPS-1', definitionKey: KEY, elementId: 'Task_Fee', message: expect.any(String), since: expect.any(String) });
    expect(incident.message.length).toBeGreaterThan(0);

    // when the leader sets the variable and retries
    const fixed = await api.call('POST', `/api/cases/${caseId}/variables`, { token: leader, body: { variables: { area: 1200 } } });
    const resolved = await api.call('POST', `/api/incidents/${incidentId}/resolve`, { token: leader });

    // then the fee is computed and the case waits at its review task
    expect(fixed.status).toBe(200);
    expect(fixed.body.variables).toMatchObject({ area: 1200 });
    expect(fixed.body.incidents).toHaveLength(1);
    expect(resolved.status).toBe(200);
    expect(resolved.body.incidents).toEqual([]);
    expect(resolved.body.variables).toMatchObject({ area: 1200, fee: 3000 });
    expect(resolved.body.tasks.map((t: { elementId: string }) => t.elementId)).toEqual(['Task_Review']);
    const after = await api.call('GET', '/api/incidents', { token: leader });
    expect(after.body.map((i: { id: string }) => i.id)).not.toContain(incidentId);
  });

  it('shows the province admin every zone, or the one asked for; a zone leader only their own', async () => {
    // given
    const { incidentId } = await stuckCase('LF-OPS-2');

    // when
    const all = await api.call('GET', '/api/incidents', { token: await api.login('admin') });
    const lf = await api.call('GET', '/api/incidents?zoneId=lf', { token: await api.login('admin') });
    const cz = await api.call('GET', '/api/incidents?zoneId=cz', { token: await api.login('admin') });
    const czLeader = await api.call('GET', '/api/incidents', { token: await api.login('cz-leader') });
    const czLeaderAskingLf = await api.call('GET', '/api/incidents?zoneId=lf', { token: await api.login('cz-leader') });

    // then
    expect(all.body.map((i: { id: string }) => i.id)).toContain(incidentId);
    expect(lf.body.map((i: { id: string }) => i.id)).toContain(incidentId);
    expect(cz.body).toEqual([]);
    expect(czLeader.body).toEqual([]);
    expect(czLeaderAskingLf.status).toBe(403);
  });

  it('lets the zone admin repair, refuses clerks with 403, and hides the incident from another zone with 404', async () => {
    // given
    const { caseId, incidentId } = await stuckCase('LF-OPS-3');

    // when
    const clerkSets = await api.call('POST', `/api/cases/${caseId}/variables`, { token: await api.login('lf-clerk'), body: { variables: { area: 1 } } });
    const clerkResolves = await api.call('POST', `/api/incidents/${incidentId}/resolve`, { token: await api.login('lf-clerk') });
    const clerkLists = await api.call('GET', '/api/incidents', { token: await api.login('lf-clerk') });
    const otherZoneSets = await api.call('POST', `/api/cases/${caseId}/variables`, { token: await api.login('cz-admin'), body: { variables: { area: 1 } } });
    const otherZoneResolves = await api.call('POST', `/api/incidents/${incidentId}/resolve`, { token: await api.login('cz-admin') });
    const zoneAdmin = await api.login('lf-admin');
    const adminSets = await api.call('POST', `/api/cases/${caseId}/variables`, { token: zoneAdmin, body: { variables: { area: 4 } } });
    const adminResolves = await api.call('POST', `/api/incidents/${incidentId}/resolve`, { token: zoneAdmin });

    // then
    expect([clerkSets.status, clerkResolves.status, clerkLists.status]).toEqual([403, 403, 403]);
    expect([otherZoneSets.status, otherZoneResolves.status]).toEqual([404, 404]);
    expect([adminSets.status, adminResolves.status]).toEqual([200, 200]);
    expect(adminResolves.body.variables).toMatchObject({ fee: 10 });
  });

  it('answers 404 to an unknown or already resolved incident, and to an unknown case', async () => {
    // given
    const leader = await api.login('lf-leader');
    const { caseId, incidentId } = await stuckCase('LF-OPS-4');
    await api.call('POST', `/api/cases/${caseId}/variables`, { token: leader, body: { variables: { area: 2 } } });
    await api.call('POST', `/api/incidents/${incidentId}/resolve`, { token: leader });

    // when
    const unknown = await api.call('POST', '/api/incidents/no-such-incident/resolve', { token: leader });
    const again = await api.call('POST', `/api/incidents/${incidentId}/resolve`, { token: leader });
    const noCase = await api.call('POST', '/api/cases/00000000-0000-4000-8000-000000000000/variables', { token: leader, body: { variables: { area: 1 } } });

    // then
    expect([unknown.status, again.status, noCase.status]).toEqual([404, 404, 404]);
    expect(unknown.body.error).toBe('not_found');
  });

  it('answers 400 naming the field to a body without variables, with variables that are not an object, or with unknown fields', async () => {
    // given
    const leader = await api.login('lf-leader');
    const { caseId } = await stuckCase('LF-OPS-5');

    // when
    const missing = await api.call('POST', `/api/cases/${caseId}/variables`, { token: leader, body: {} });
    const notObject = await api.call('POST', `/api/cases/${caseId}/variables`, { token: leader, body: { variables: [1, 2] } });
    const unknownField = await api.call('POST', `/api/cases/${caseId}/variables`, { token: leader, body: { variables: {}, area: 3 } });
    const badZone = await api.call('GET', '/api/incidents?zoneId=mars', { token: await api.login('admin') });

    // then
    expect([missing.status, notObject.status, unknownField.status, badZone.status]).toEqual([400, 400, 400, 400]);
    expect(missing.body.message).toContain('variables');
    expect(notObject.body.details).toEqual([expect.objectContaining({ field: 'variables' })]);
    expect(unknownField.body.message).toContain('area');
    expect(badZone.body.message).toContain('zoneId');
  });
});
