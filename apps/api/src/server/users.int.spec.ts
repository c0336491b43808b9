import { startTestApi, type TestApi } from '../testing/test-api';

const NEW_CLERK = { id: 'lf-clerk-new', name: '刘芳', password: 'window-2026', zoneId: 'lf', roles: ['clerk'], groups: ['window', 'approval'] };

describe('admins manage users; owners change their passwords (POST/PATCH /api/users, POST /api/auth/password)', () => {
  let api: TestApi;
  let admin: string;

  /** Signs in without the client's token cache, answering the status and the token. */
  async function signIn(username: string, password: string): Promise<{ status: number; token: string }> {
    const answer = await api.call<{ accessToken: string }>('POST', '/api/auth/login', { body: { username, password } });
    return { status: answer.status, token: answer.body?.accessToken };
  }

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login('admin');
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it('the province admin creates a clerk who signs in and works in the zone', async () => {
    // when
    const created = await api.call('POST', '/api/users', { token: admin, body: NEW_CLERK });

    // then
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: 'lf-clerk-new', name: '刘芳', zoneId: 'lf', roles: ['clerk'], groups: ['window', 'approval'], active: true });
    const clerk = await signIn('lf-clerk-new', 'window-2026');
    expect(clerk.status).toBe(200);
    expect((await api.call('GET', '/api/tasks?scope=all', { token: clerk.token })).status).toBe(200);
    const listed = await api.call<{ id: string }[]>('GET', '/api/users?zoneId=lf', { token: await api.login('lf-leader') });
    expect(listed.body.map((u) => u.id)).toContain('lf-clerk-new');
  });

  it('refuses a taken id with 409', async () => {
    // when
    const again = await api.call('POST', '/api/users', { token: admin, body: { ...NEW_CLERK, id: 'lf-clerk' } });

    // then
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('lf-clerk');
  });

  it('refuses bad inputs with 400 naming the field', async () => {
    // when
    const answers = await Promise.all([
      api.call('POST', '/api/users', { token: admin, body: { ...NEW_CLERK, id: 'Bad Id!' } }),
      api.call('POST', '/api/users', { token: admin, body: { ...NEW_CLERK, id: 'lf-short', password: 'short' } }),
      api.call('POST', '/api/users', { token: admin, body: { ...NEW_CLERK, id: 'lf-role', roles: ['king'] } }),
      api.call('POST', '/api/users', { token: admin, body: { ...NEW_CLERK, id: 'lf-zone', zoneId: 'mars' } }),
      api.call('PATCH', '/api/users/lf-agent', { token: admin, body: { active: 'no' } }),
      api.call('PATCH', '/api/users/lf-agent', { token: admin, body: {} }),
    ]);

    // then
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400]);
    const fields = answers.slice(0, 5).map((a) => a.body.details[0].field);
    expect(fields).toEqual(['id', 'password', 'roles', 'zoneId', 'active']);
    expect(answers[1].body.message).toContain('password must be at least 8 characters');
    expect(answers[5].body.message).toContain('active');
  });

  it('an update of roles and groups answers the user and shows in the admin list', async () => {
    // when
    const updated = await api.call('PATCH', '/api/users/lf-agent', { token: admin, body: { name: '临汾代办', roles: ['agent', 'clerk'], groups: ['agency', 'window'] } });

    // then
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({ id: 'lf-agent', name: '临汾代办', zoneId: 'lf', roles: ['agent', 'clerk'], groups: ['agency', 'window'], active: true });
    const all = await api.call<{ id: string; active: boolean }[]>('GET', '/api/users?zoneId=lf&includeInactive=true', { token: admin });
    expect(all.body.find((u) => u.id === 'lf-agent')).toMatchObject({ roles: ['agent', 'clerk'], active: true });
  });

  it('a deactivated user’s token stops working at once and it cannot sign in; reactivated, it signs in again', async () => {
    // given
    const clerk = await signIn('lf-fire', 'banjie');
    expect((await api.call('GET', '/api/cases', { token: clerk.token })).status).toBe(200);

    // when
    const deactivated = await api.call('PATCH', '/api/users/lf-fire', { token: admin, body: { active: false } });

    // then
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    const refused = await api.call('GET', '/api/cases', { token: clerk.token });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toContain('deactivated');
    expect((await signIn('lf-fire', 'banjie')).status).toBe(401);
    const leaderList = await api.call<{ id: string }[]>('GET', '/api/users?zoneId=lf', { token: await api.login('lf-leader') });
    expect(leaderList.body.map((u) => u.id)).not.toContain('lf-fire');

    // when reactivated
    await api.call('PATCH', '/api/users/lf-fire', { token: admin, body: { active: true } });

    // then the old token stays ended, a new sign-in works
    expect((await api.call('GET', '/api/cases', { token: clerk.token })).status).toBe(401);
    const again = await signIn('lf-fire', 'banjie');
    expect(again.status).toBe(200);
    expect((await api.call('GET', '/api/cases', { token: again.token })).status).toBe(200);
  });

  it('a zone admin manages users of its zone only (403 otherwise)', async () => {
    // given
    const lfAdmin = await api.login('lf-admin');

    // when
    const answers = await Promise.all([
      api.call('POST', '/api/users', { token: lfAdmin, body: { ...NEW_CLERK, id: 'cz-by-lf', zoneId: 'cz' } }),
      api.call('POST', '/api/users', { token: lfAdmin, body: { ...NEW_CLERK, id: 'province-by-lf', zoneId: 'province', roles: ['admin'] } }),
      api.call('PATCH', '/api/users/cz-clerk', { token: lfAdmin, body: { roles: ['admin'] } }),
      api.call('PATCH', '/api/users/lf-designer', { token: lfAdmin, body: { zoneId: 'cz' } }),
      api.call('POST', '/api/users', { token: lfAdmin, body: { ...NEW_CLERK, id: 'lf-admin2', roles: ['admin'] } }),
      api.call('PATCH', '/api/users/lf-admin', { token: lfAdmin, body: { active: false } }),
    ]);

    // then
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 201, 400]);
    expect(answers[0].body.message).toContain('zone lf');
    const list = await api.call<{ zoneId: string }[]>('GET', '/api/users?includeInactive=true', { token: lfAdmin });
    expect(list.status).toBe(200);
    expect(list.body.every((u) => u.zoneId === 'lf')).toBe(true);
    expect((await api.call('GET', '/api/users?includeInactive=true', { token: await api.login('lf-leader') })).status).toBe(403);
  });

  it('an owner changes its password: earlier tokens answer 401, the new password works, the old does not', async () => {
    // given
    const before = await signIn('lf-planning', 'banjie');

    // when
    const wrong = await api.call('POST', '/api/auth/password', { token: before.token, body: { currentPassword: 'nope', newPassword: 'planning-2026' } });
    const short = await api.call('POST', '/api/auth/password', { token: before.token, body: { currentPassword: 'banjie', newPassword: 'short' } });
    const changed = await api.call('POST', '/api/auth/password', { token: before.token, body: { currentPassword: 'banjie', newPassword: 'planning-2026' } });

    // then
    expect(wrong.status).toBe(400);
    expect(wrong.body.details[0].field).toBe('currentPassword');
    expect(short.status).toBe(400);
    expect(short.body.details[0].field).toBe('newPassword');
    expect(changed.status).toBe(200);
    expect((await api.call('GET', '/api/cases', { token: before.token })).status).toBe(401);
    expect((await api.call('GET', '/api/cases', { token: changed.body.accessToken })).status).toBe(200);
    expect((await signIn('lf-planning', 'banjie')).status).toBe(401);
    expect((await signIn('lf-planning', 'planning-2026')).status).toBe(200);
  });
});

describe('BANJIE_ADMIN_PASSWORD on an empty data dir', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ BANJIE_SEED_DEMO: 'false', BANJIE_ADMIN_PASSWORD: 'first-admin-2026' });
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it('creates the province admin, who signs in and creates the first zone user', async () => {
    // when
    const token = await api.login('admin', 'first-admin-2026');

    // then
    const created = await api.call('POST', '/api/users', { token, body: NEW_CLERK });
    expect(created.status).toBe(201);
    const all = await api.call<{ id: string }[]>('GET', '/api/users?includeInactive=true', { token });
    expect(all.body.map((u) => u.id)).toEqual(['lf-clerk-new', 'admin']);
    const demo = await api.call('POST', '/api/auth/login', { body: { username: 'lf-clerk', password: 'banjie' } });
    expect(demo.status).toBe(401);
  });
});
