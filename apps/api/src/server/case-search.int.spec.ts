import { resolve } from 'node:path';
import type { CaseEventView, CaseSummary, CaseView, HeatView, TaskView, UserView } from '@banjie/contracts';
import { FIXTURE_BPMN_DIR, startTestApi, type Answer, type TestApi } from '../testing/test-api';

const CALENDAR_BPMN_DIR = resolve(FIXTURE_BPMN_DIR, '../calendar-bpmn');
const FLOW = 'linfen-legal-limit';
const BULK = 1200;

describe('case search and cursor paging over HTTP (GET /api/cases, every list)', () => {
  let api: TestApi;
  let admin: string;
  let leader: string;
  let clerk: string;
  const bulkIds = new Set<string>();
  const lateIds = new Set<string>();
  let cancelledId: string;

  beforeAll(async () => {
    // given 1,200 Linfen cases started on 1 December with 45 working days for the review,
    // and 3 cases an applicant started on 2 December with 2 working days, now overdue
    api = await startTestApi({ BANJIE_BPMN_DIR: CALENDAR_BPMN_DIR, BANJIE_CLOCK: 'manual' });
    admin = await api.login('admin');
    leader = await api.login('lf-leader');
    clerk = await api.login('lf-clerk');
    await setClock('2026-12-01T09:00:00+08:00');
    for (let batch = 0; batch < BULK; batch += 20) {
      const started = await Promise.all(Array.from({ length: 20 }, (_, i) => start(clerk, `LF-${batch + i}`, 45)));
      for (const id of started) bulkIds.add(id);
    }
    await setClock('2026-12-02T10:00:00+08:00');
    const applicant = await api.login('lf-applicant');
    for (const n of [1, 2, 3]) lateIds.add(await start(applicant, `LATE-${n}`, 2));
    cancelledId = [...bulkIds][7];
    expect((await api.call('POST', `/api/cases/${cancelledId}/cancel`, { token: admin, body: { reason: 'withdrawn by the applicant' } })).status).toBe(200);
    await setClock('2026-12-10T10:00:00+08:00');
  }, 240_000);

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it('lists 1,203 cases in pages of 500 with none missing and none twice, announcing each next page', async () => {
    // when
    const pages = await allPages<CaseSummary>('/api/cases?limit=500', leader);

    // then
    expect(pages.map((p) => p.body.length)).toEqual([500, 500, 203]);
    const ids = pages.flatMap((p) => p.body.map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set([...bulkIds, ...lateIds]));
    expect(pages[0].headers.get('link')).toBe(`</api/cases?limit=500&cursor=${pages[0].headers.get('x-next-cursor')}>; rel="next"`);
    expect(pages[2].headers.get('x-next-cursor')).toBeNull();
    const started = pages.flatMap((p) => p.body.map((c) => c.startedAt));
    expect(started).toEqual([...started].sort().reverse());
  });

  it('never stops silently: without a limit a page holds 500 rows and names the next', async () => {
    // when
    const first = await api.call<CaseSummary[]>('GET', '/api/cases', { token: leader });

    // then
    expect(first.status).toBe(200);
    expect(first.body).toHaveLength(500);
    expect(first.headers.get('x-next-cursor')).toEqual(expect.any(String));
  });

  it('combines the filters: flow, status, applicant, warning, business key, started between', async () => {
    // when
    const count = async (query: string, token = leader) => (await allPages<CaseSummary>(`/api/cases?${query}`, token)).flatMap((p) => p.body);

    // then
    const overdue = await count(`definitionKey=${FLOW}&status=active&applicant=lf-applicant&warning=red`);
    expect(new Set(overdue.map((c) => c.id))).toEqual(lateIds);
    expect(await count('warning=red&applicant=lf-clerk')).toEqual([]);
    expect((await count('businessKey=LF-42')).map((c) => c.businessKey)).toEqual(['LF-42']);
    expect((await count('status=cancelled')).map((c) => c.id)).toEqual([cancelledId]);
    expect(await count('status=cancelled&applicant=lf-applicant')).toEqual([]);
    expect(new Set((await count('startedFrom=2026-12-02')).map((c) => c.id))).toEqual(lateIds);
    expect(await count('startedTo=2026-12-01')).toHaveLength(BULK);
    expect(await count('startedFrom=2026-12-01T01:00:00Z&startedTo=2026-12-01T23:59:59%2B08:00')).toHaveLength(BULK);
    expect(await count('zoneId=lf&businessKey=LATE-2', await api.login('auditor'))).toHaveLength(1);
    expect(await count('zoneId=cz', await api.login('auditor'))).toEqual([]);
  });

  it('sorts due first: the overdue cases lead, and the sorted list pages completely', async () => {
    // when
    const pages = await allPages<CaseSummary>('/api/cases?sort=due&status=active&limit=500', leader);

    // then
    const ids = pages.flatMap((p) => p.body.map((c) => c.id));
    expect(new Set(ids.slice(0, 3))).toEqual(lateIds);
    expect(ids).toHaveLength(BULK - 1 + 3);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a bad cursor, a limit over 500 and bad filters with a 400 naming the problem', async () => {
    // given
    const newestCursor = (await api.call('GET', '/api/cases?limit=1', { token: leader })).headers.get('x-next-cursor');

    // when
    const answers = await Promise.all([
      api.call('GET', '/api/cases?cursor=not-a-cursor', { token: leader }),
      api.call('GET', `/api/cases?sort=due&cursor=${newestCursor}`, { token: leader }),
      api.call('GET', `/api/tasks?cursor=${newestCursor}`, { token: clerk }),
      api.call('GET', '/api/cases?limit=501', { token: leader }),
      api.call('GET', '/api/cases?limit=0', { token: leader }),
      api.call('GET', '/api/cases?warning=blue', { token: leader }),
      api.call('GET', '/api/cases?startedFrom=yesterday', { token: leader }),
      api.call('GET', '/api/cases?startedFrom=2026-12-05&startedTo=2026-12-01', { token: leader }),
      api.call('GET', '/api/cases?sort=oldest', { token: leader }),
    ]);

    // then
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400, 400, 400, 400]);
    expect(answers.slice(0, 3).map((a) => a.body.message)).toEqual(answers.slice(0, 3).map(() => expect.stringContaining('cursor')));
    expect(answers[3].body.message).toContain('limit must be at most 500');
    expect(answers[5].body.message).toContain('warning');
    expect(answers[6].body.message).toContain('startedFrom');
    expect(answers[8].body.message).toContain('sort');
  });

  it('keeps a zone leader to the own zone', async () => {
    // when
    const other = await api.call('GET', '/api/cases?zoneId=cz', { token: leader });
    const own = await api.call<CaseSummary[]>('GET', '/api/cases?zoneId=lf&limit=1', { token: leader });

    // then
    expect(other.status).toBe(403);
    expect(own.status).toBe(200);
    expect(own.body).toHaveLength(1);
  });

  it('pages the task inbox, the users, the definitions and a case’s events the same way', async () => {
    // when
    const tasks = (await allPages<TaskView>('/api/tasks?scope=all&limit=500', clerk)).flatMap((p) => p.body);
    const offered = (await allPages<TaskView>('/api/tasks?limit=300', clerk)).flatMap((p) => p.body);
    const users = await allPages<UserView>('/api/users?limit=2', leader);
    const definitions = await allPages('/api/definitions?limit=1', await api.login('auditor'));
    const caseId = [...lateIds][0];
    const events = await allPages<CaseEventView>(`/api/cases/${caseId}/events?limit=2`, leader);
    const whole = await api.call<CaseEventView[]>('GET', `/api/cases/${caseId}/events`, { token: leader });

    // then
    expect(tasks).toHaveLength(BULK - 1 + 3);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    expect(offered).toHaveLength(BULK - 1 + 3);
    const unpagedUsers = (await api.call<UserView[]>('GET', '/api/users', { token: leader })).body;
    expect(users.length).toBeGreaterThan(2);
    expect(users.flatMap((p) => p.body.map((u) => u.id))).toEqual(unpagedUsers.map((u) => u.id));
    expect(definitions.map((p) => p.body.length)).toEqual([1, 1]);
    expect(events.flatMap((p) => p.body.map((e) => e.revision))).toEqual(whole.body.map((e) => e.revision));
    expect(whole.headers.get('x-next-cursor')).toBeNull();
  });

  it('shows the heat of the flow: where the active cases wait and how many are overdue', async () => {
    // when
    const mine = await api.call<HeatView>('GET', `/api/stats/heat?definitionKey=${FLOW}`, { token: leader });
    const audited = await api.call<HeatView>('GET', `/api/stats/heat?definitionKey=${FLOW}&zoneId=lf`, { token: await api.login('auditor') });
    const otherZone = await api.call('GET', `/api/stats/heat?definitionKey=${FLOW}&zoneId=cz`, { token: leader });
    const noFlow = await api.call('GET', '/api/stats/heat', { token: leader });

    // then
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({ zoneId: 'lf', definitionKey: FLOW, elements: [{ elementId: 'Task_Review', activeCases: BULK - 1 + 3, openTasks: BULK - 1 + 3, overdue: 3, yellow: 0 }] });
    expect(audited.body).toEqual(mine.body);
    expect(otherZone.status).toBe(403);
    expect(noFlow.status).toBe(400);
    expect(noFlow.body.message).toContain('definitionKey');
  });

  /** Follows `X-Next-Cursor` from the first page to the last. */
  async function allPages<T>(path: string, token: string): Promise<Answer<T[]>[]> {
    const pages: Answer<T[]>[] = [];
    let next: string | null = path;
    while (next) {
      const page: Answer<T[]> = await api.call<T[]>('GET', next, { token });
      if (page.status !== 200) throw new Error(`${next}: ${page.status} ${JSON.stringify(page.body)}`);
      pages.push(page);
      const cursor = page.headers.get('x-next-cursor');
      next = cursor ? `${path}${path.includes('?') ? '&' : '?'}cursor=${cursor}` : null;
    }
    return pages;
  }

  async function setClock(now: string): Promise<void> {
    const answer = await api.call('POST', '/api/admin/clock', { token: admin, body: { now } });
    if (answer.status !== 200) throw new Error(`clock: ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  async function start(token: string, businessKey: string, limitDays: number): Promise<string> {
    const answer = await api.call<CaseView>('POST', '/api/cases', { token, body: { definitionKey: FLOW, businessKey, variables: { limitDays } } });
    if (answer.status !== 201) throw new Error(`start ${businessKey}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.id;
  }
});
