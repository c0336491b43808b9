import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_BPMN_DIR, startTestApi, type TestApi } from '../testing/test-api';

const KEY = 'api-fixture-approval';
const XML = readFileSync(join(FIXTURE_BPMN_DIR, 'linfen-api-fixture.bpmn'), 'utf8');
const FORMS = { 'window-check': JSON.parse(readFileSync(join(FIXTURE_BPMN_DIR, 'forms/window-check.form'), 'utf8')) as unknown };
const USERS = ['lf-designer', 'lf-clerk', 'lf-agent', 'lf-leader', 'lf-applicant', 'auditor', 'admin'] as const;
type User = (typeof USERS)[number];

/** Ids a row of the matrix acts on: a case of lf started by lf-applicant, and its open window task. */
interface Fixture {
  caseId: string;
  taskId: string;
}

interface Row {
  endpoint: string;
  call: (api: TestApi, token: string, fresh: () => Promise<Fixture>, shared: Fixture) => Promise<number>;
  expect: Record<User, number>;
}

/** Counts the users the POST /api/users row creates, for fresh ids. */
let newUsers = 0;
const all = (status: number): Record<User, number> => Object.fromEntries(USERS.map((u) => [u, status])) as Record<User, number>;
const only = (allowed: Partial<Record<User, number>>, otherwise = 403): Record<User, number> => ({ ...all(otherwise), ...allowed });

const MATRIX: Row[] = [
  { endpoint: 'GET /api/definitions', call: (api, t) => status(api.call('GET', '/api/definitions', { token: t })), expect: all(200) },
  { endpoint: 'GET /api/definitions/:key', call: (api, t) => status(api.call('GET', `/api/definitions/${KEY}`, { token: t })), expect: all(200) },
  {
    endpoint: 'POST /api/definitions (same XML)',
    call: (api, t) => status(api.call('POST', '/api/definitions?zoneId=lf', { token: t, body: { xml: XML, forms: FORMS } })),
    expect: only({ 'lf-designer': 200, admin: 200 }),
  },
  {
    endpoint: 'POST /api/definitions/:key/withdraw, then /restore',
    call: async (api, t) => {
      const withdrawn = await status(api.call('POST', `/api/definitions/${KEY}/withdraw`, { token: t }));
      return withdrawn === 200 ? status(api.call('POST', `/api/definitions/${KEY}/restore`, { token: t })) : withdrawn;
    },
    expect: only({ 'lf-designer': 200 }),
  },
  { endpoint: 'GET /api/cases', call: (api, t) => status(api.call('GET', '/api/cases', { token: t })), expect: all(200) },
  {
    endpoint: 'POST /api/cases',
    call: (api, t) => status(api.call('POST', '/api/cases', { token: t, body: { definitionKey: KEY } })),
    expect: only({ 'lf-clerk': 201, 'lf-agent': 201, 'lf-applicant': 201, admin: 201 }),
  },
  { endpoint: 'GET /api/cases/:id', call: (api, t, _f, s) => status(api.call('GET', `/api/cases/${s.caseId}`, { token: t })), expect: all(200) },
  { endpoint: 'GET /api/cases/:id/events', call: (api, t, _f, s) => status(api.call('GET', `/api/cases/${s.caseId}/events`, { token: t })), expect: all(200) },
  { endpoint: 'GET /api/cases/:id/state', call: (api, t, _f, s) => status(api.call('GET', `/api/cases/${s.caseId}/state?revision=0`, { token: t })), expect: all(200) },
  { endpoint: 'GET /api/cases/:id/verify', call: (api, t, _f, s) => status(api.call('GET', `/api/cases/${s.caseId}/verify`, { token: t })), expect: all(200) },
  {
    endpoint: 'POST /api/cases/:id/cancel',
    call: async (api, t, fresh) => status(api.call('POST', `/api/cases/${(await fresh()).caseId}/cancel`, { token: t, body: { reason: 'matrix' } })),
    expect: only({ 'lf-clerk': 200, 'lf-leader': 200, admin: 200 }),
  },
  {
    endpoint: 'POST /api/cases/:id/variables',
    call: async (api, t, fresh) => status(api.call('POST', `/api/cases/${(await fresh()).caseId}/variables`, { token: t, body: { variables: { matrix: true } } })),
    expect: only({ 'lf-leader': 200, admin: 200 }),
  },
  { endpoint: 'GET /api/incidents', call: (api, t) => status(api.call('GET', '/api/incidents', { token: t })), expect: only({ 'lf-leader': 200, admin: 200 }) },
  {
    endpoint: 'POST /api/incidents/:id/resolve (unknown incident)',
    call: (api, t) => status(api.call('POST', '/api/incidents/no-such-incident/resolve', { token: t })),
    expect: only({ 'lf-leader': 404, admin: 404 }),
  },
  {
    endpoint: 'POST /api/cases/:id/evaluation (a case the clerk started is hidden from applicants)',
    call: async (api, t) => {
      const started = await api.call('POST', '/api/cases', { token: await api.login('lf-clerk'), body: { definitionKey: KEY } });
      return status(api.call('POST', `/api/cases/${started.body.id}/evaluation`, { token: t, body: { rating: 4 } }));
    },
    expect: only({ 'lf-applicant': 404 }),
  },
  { endpoint: 'GET /api/tasks', call: (api, t) => status(api.call('GET', '/api/tasks?scope=all', { token: t })), expect: only({ 'lf-clerk': 200, 'lf-agent': 200, 'lf-leader': 200, auditor: 200, admin: 200 }) },
  {
    endpoint: 'POST /api/tasks/:id/claim (window task)',
    call: async (api, t, fresh) => status(api.call('POST', `/api/tasks/${(await fresh()).taskId}/claim`, { token: t })),
    expect: only({ 'lf-clerk': 200, 'lf-leader': 200, admin: 200 }),
  },
  {
    endpoint: 'POST /api/tasks/:id/unclaim (unclaimed task)',
    call: async (api, t, fresh) => status(api.call('POST', `/api/tasks/${(await fresh()).taskId}/unclaim`, { token: t })),
    expect: only({ 'lf-clerk': 409, 'lf-leader': 409, admin: 409 }),
  },
  {
    endpoint: 'POST /api/tasks/:id/complete (form not filled)',
    call: async (api, t, fresh) => status(api.call('POST', `/api/tasks/${(await fresh()).taskId}/complete`, { token: t, body: { variables: {} } })),
    expect: only({ 'lf-clerk': 422, 'lf-leader': 422, admin: 422 }),
  },
  {
    endpoint: 'POST /api/tasks/:id/assign (to lf-planning)',
    call: async (api, t, fresh) => status(api.call('POST', `/api/tasks/${(await fresh()).taskId}/assign`, { token: t, body: { userId: 'lf-planning' } })),
    expect: only({ 'lf-leader': 200, admin: 200 }),
  },
  { endpoint: 'GET /api/users', call: (api, t) => status(api.call('GET', '/api/users?zoneId=lf', { token: t })), expect: only({ 'lf-leader': 200, admin: 200 }) },
  {
    endpoint: 'GET /api/users?includeInactive=true',
    call: (api, t) => status(api.call('GET', '/api/users?zoneId=lf&includeInactive=true', { token: t })),
    expect: only({ admin: 200 }),
  },
  {
    endpoint: 'POST /api/users (a new lf clerk)',
    call: (api, t) => status(api.call('POST', '/api/users', { token: t, body: { id: `lf-matrix-${++newUsers}`, name: '矩阵', password: 'matrix-2026', zoneId: 'lf', roles: ['clerk'], groups: [] } })),
    expect: only({ admin: 201 }),
  },
  {
    endpoint: 'PATCH /api/users/:id (rename, tokens stay valid)',
    call: (api, t) => status(api.call('PATCH', '/api/users/lf-designer', { token: t, body: { name: '临汾流程设计' } })),
    expect: only({ admin: 200 }),
  },
  {
    endpoint: 'POST /api/auth/password (wrong current password)',
    call: (api, t) => status(api.call('POST', '/api/auth/password', { token: t, body: { currentPassword: 'not-it', newPassword: 'matrix-2026' } })),
    expect: all(400),
  },
  {
    endpoint: 'POST /api/messages (nobody waits)',
    call: (api, t) => status(api.call('POST', '/api/messages', { token: t, body: { name: 'Nobody', correlationKey: 'none' } })),
    expect: only({ 'lf-clerk': 404, 'lf-agent': 404, 'lf-applicant': 404, admin: 404 }),
  },
  {
    endpoint: 'POST /api/jobs/:id/complete (unknown job)',
    call: (api, t) => status(api.call('POST', '/api/jobs/no-such-job/complete', { token: t, body: {} })),
    expect: only({ 'lf-designer': 404, 'lf-clerk': 404, 'lf-agent': 404, admin: 404 }),
  },
  {
    endpoint: 'POST /api/jobs/activate (no job of the type)',
    call: (api, t) => status(api.call('POST', '/api/jobs/activate', { token: t, body: { type: 'matrix-none', maxJobs: 1, timeout: 1000, worker: 'matrix', requestTimeout: 0 } })),
    expect: only({ 'lf-designer': 200, admin: 200 }),
  },
  {
    endpoint: 'POST /api/jobs/:id/fail (unknown job)',
    call: (api, t) => status(api.call('POST', '/api/jobs/no-such-job/fail', { token: t, body: { retries: 0, errorMessage: 'matrix' } })),
    expect: only({ 'lf-designer': 404, 'lf-clerk': 404, 'lf-agent': 404, admin: 404 }),
  },
  {
    endpoint: 'POST /api/jobs/:id/error (unknown job)',
    call: (api, t) => status(api.call('POST', '/api/jobs/no-such-job/error', { token: t, body: { errorCode: 'MATRIX' } })),
    expect: only({ 'lf-designer': 404, 'lf-clerk': 404, 'lf-agent': 404, admin: 404 }),
  },
  {
    endpoint: 'PATCH /api/jobs/:id (unknown job)',
    call: (api, t) => status(api.call('PATCH', '/api/jobs/no-such-job', { token: t, body: { changeset: { retries: 3 } } })),
    expect: only({ 'lf-designer': 404, 'lf-clerk': 404, 'lf-agent': 404, admin: 404 }),
  },
  { endpoint: 'GET /api/stats', call: (api, t) => status(api.call('GET', '/api/stats', { token: t })), expect: only({ 'lf-designer': 200, 'lf-clerk': 200, 'lf-agent': 200, 'lf-leader': 200, auditor: 200, admin: 200 }) },
  {
    endpoint: 'GET /api/stats/heat (own zone)',
    call: (api, t) => status(api.call('GET', `/api/stats/heat?definitionKey=${KEY}&zoneId=lf`, { token: t })),
    expect: only({ 'lf-designer': 200, 'lf-clerk': 200, 'lf-agent': 200, 'lf-leader': 200, auditor: 200, admin: 200 }),
  },
  {
    endpoint: 'GET /api/stats/heat (another zone)',
    call: (api, t) => status(api.call('GET', `/api/stats/heat?definitionKey=${KEY}&zoneId=cz`, { token: t })),
    expect: only({ auditor: 200, admin: 200 }),
  },
  {
    endpoint: 'POST /api/admin/clock (system clock)',
    call: (api, t) => status(api.call('POST', '/api/admin/clock', { token: t, body: { now: '2026-03-02T09:00:00+08:00' } })),
    expect: only({ admin: 404 }),
  },
];

async function status(answer: Promise<{ status: number }>): Promise<number> {
  return (await answer).status;
}

describe('role × endpoint', () => {
  let api: TestApi;
  let shared: Fixture;
  const fresh = async (): Promise<Fixture> => {
    const started = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), body: { definitionKey: KEY } });
    return { caseId: started.body.id, taskId: started.body.tasks[0].id };
  };

  beforeAll(async () => {
    api = await startTestApi();
    shared = await fresh();
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it.each(MATRIX)('$endpoint answers each role as allowed', async (row) => {
    // given every role of zone lf and the province
    const answers: Record<string, number> = {};

    // when each calls the endpoint
    for (const user of USERS) answers[user] = await row.call(api, await api.login(user), fresh, shared);

    // then
    expect(answers).toEqual(row.expect);
  });

  it('answers 404 to a user of another zone for every case route', async () => {
    // given
    const token = await api.login('cz-clerk');
    const { caseId, taskId } = await fresh();

    // when
    const answers = [
      await status(api.call('GET', `/api/cases/${caseId}`, { token })),
      await status(api.call('GET', `/api/cases/${caseId}/events`, { token })),
      await status(api.call('GET', `/api/cases/${caseId}/state?revision=0`, { token })),
      await status(api.call('GET', `/api/cases/${caseId}/verify`, { token })),
      await status(api.call('POST', `/api/cases/${caseId}/cancel`, { token, body: { reason: 'not mine' } })),
      await status(api.call('POST', `/api/cases/${caseId}/variables`, { token: await api.login('cz-leader'), body: { variables: { x: 1 } } })),
      await status(api.call('POST', `/api/tasks/${taskId}/claim`, { token })),
      await status(api.call('POST', `/api/tasks/${taskId}/complete`, { token, body: {} })),
    ];

    // then
    expect(answers).toEqual([404, 404, 404, 404, 404, 404, 404, 404]);
  });

  it('answers 401 to a forged token', async () => {
    // given
    const token = (await api.login('admin')).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));

    // when
    const answer = await api.call('GET', '/api/cases', { token });

    // then
    expect(answer.status).toBe(401);
  });
});
