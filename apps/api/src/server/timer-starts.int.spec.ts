import { createMemoryEventStore } from '@banjie/event-store';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FIXTURE_BPMN_DIR, startTestApi, type TestApi } from '../testing/test-api';

const MONTHLY_XML = readFileSync(resolve(FIXTURE_BPMN_DIR, '../timer-start-bpmn/api-fixture-monthly.bpmn'), 'utf8');
const KEY = 'api-fixture-monthly';

interface CaseSummaryBody {
  id: string;
  version: number;
  startedAt: string;
}

/** Moves the api's manual clock as the admin; answers `{now, firedTimers}`. */
async function setClock(api: TestApi, now: string): Promise<{ now: string; firedTimers: number }> {
  const answer = await api.call('POST', '/api/admin/clock', { token: await api.login('admin'), body: { now } });
  expect(answer.status).toBe(200);
  return answer.body;
}

/** The cases of the monthly fixture that zone xy sees, oldest first. */
async function monthlyCases(api: TestApi): Promise<CaseSummaryBody[]> {
  const answer = await api.call<CaseSummaryBody[]>('GET', `/api/cases?definitionKey=${KEY}`, { token: await api.login('xy-clerk') });
  expect(answer.status).toBe(200);
  return [...answer.body].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
}

/** Polls `probe` until it holds (read models of another process follow the store shortly after). */
async function eventually(probe: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const iso = (text: string) => new Date(text).toISOString();

describe('timer start events, with the manual clock', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ BANJIE_CLOCK: 'manual' });
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it('starts one case per occurrence of a cycle, at its due time, and a newer version replaces the cycle', async () => {
    // given the monthly flow deployed in zone xy in December 2026 (its cycle starts on 1 January 2027, 01:00 UTC)
    await setClock(api, '2026-12-20T00:00:00Z');
    const deployed = await api.call('POST', '/api/definitions', { token: await api.login('xy-designer'), body: { xml: MONTHLY_XML } });
    expect(deployed.status).toBe(201);
    expect(deployed.body).toMatchObject({ key: KEY, version: 1 });

    // when the clock stops just short of the first occurrence, nothing starts
    expect((await setClock(api, '2027-01-01T00:59:59Z')).firedTimers).toBe(0);
    expect(await monthlyCases(api)).toEqual([]);

    // when it moves past two occurrences (1 January and 1 February, 01:00)
    const moved = await setClock(api, '2027-02-01T01:30:00Z');

    // then exactly two cases started, each at its due time, and the first one's one-hour timer fired too
    expect(moved.firedTimers).toBe(3);
    const cases = await monthlyCases(api);
    expect(cases.map((c) => iso(c.startedAt))).toEqual(['2027-01-01T01:00:00.000Z', '2027-02-01T01:00:00.000Z']);
    expect(cases.every((c) => c.version === 1)).toBe(true);
    const clerk = await api.login('xy-clerk');
    const [january, february] = await Promise.all(cases.map(async (c) => (await api.call('GET', `/api/cases/${c.id}`, { token: clerk })).body));
    expect(january).toMatchObject({ zoneId: 'xy', status: 'active', timers: [] });
    expect(january.tasks.map((t: { elementId: string }) => t.elementId)).toEqual(['Task_Report']);
    expect(february.timers).toEqual([{ id: expect.any(String), elementId: 'Wait_Hour', dueAt: '2027-02-01T02:00:00.000Z' }]);
    expect(february.tasks).toEqual([]);

    // and the events say so: started at the timer start event, engine time = due time, the wait's timer fired in January
    const events = (await api.call('GET', `/api/cases/${january.id}/events`, { token: clerk })).body as { type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }[];
    expect(events[0]).toMatchObject({ type: 'CaseStarted', data: { definitionKey: KEY, version: 1, zoneId: 'xy' }, metadata: { engineTime: '2027-01-01T01:00:00.000Z' } });
    expect(events[1]).toMatchObject({ type: 'ElementActivated', data: { elementId: 'Start_Monthly' } });
    expect(events.find((e) => e.type === 'TimerScheduled')?.data).toMatchObject({ elementId: 'Wait_Hour', dueAt: '2027-01-01T02:00:00.000Z' });
    expect(events.map((e) => e.type)).toContain('TimerFired');

    // when the clock is set to the same time again, nothing starts twice
    expect((await setClock(api, '2027-02-01T01:30:00Z')).firedTimers).toBe(0);
    expect(await monthlyCases(api)).toHaveLength(2);

    // when a changed version is deployed, its cycle replaces the old one's
    const v2 = await api.call('POST', '/api/definitions', { token: await api.login('xy-designer'), body: { xml: MONTHLY_XML.replace('API fixture: a monthly report', 'API fixture: the monthly report v2') } });
    expect(v2.body).toMatchObject({ key: KEY, version: 2 });
    await setClock(api, '2027-03-01T01:30:00Z');

    // then the March occurrence starts one case, of version 2
    const afterMarch = await monthlyCases(api);
    expect(afterMarch).toHaveLength(3);
    expect(afterMarch[2]).toMatchObject({ version: 2 });
    expect(iso(afterMarch[2]!.startedAt)).toBe('2027-03-01T01:00:00.000Z');
  });
});

describe('timer start events, with two api processes on one store', () => {
  let first: TestApi;
  let second: TestApi;

  beforeAll(async () => {
    const store = createMemoryEventStore();
    first = await startTestApi({ BANJIE_CLOCK: 'manual', BANJIE_STORE: 'memory' }, undefined, store);
    second = await startTestApi({ BANJIE_CLOCK: 'manual', BANJIE_STORE: 'memory' }, undefined, store);
  });

  afterAll(async () => {
    await first.stop({ removeData: true });
    await second.stop({ removeData: true });
  });

  it('starts one case per occurrence when both schedulers fire at once', async () => {
    // given the monthly flow deployed through the first process, which the second one has seen too
    await Promise.all([setClock(first, '2026-12-20T00:00:00Z'), setClock(second, '2026-12-20T00:00:00Z')]);
    const deployed = await first.call('POST', '/api/definitions', { token: await first.login('xy-designer'), body: { xml: MONTHLY_XML } });
    expect(deployed.status).toBe(201);
    const designer = await second.login('xy-designer');
    await eventually(async () => (await second.call('GET', `/api/definitions/${KEY}`, { token: designer })).status === 200);

    // when both clocks move past six occurrences at the same time
    await Promise.all([setClock(first, '2027-06-01T01:30:00Z'), setClock(second, '2027-06-01T01:30:00Z')]);

    // then each occurrence started exactly one case, which both processes see
    const expected = ['01', '02', '03', '04', '05', '06'].map((month) => `2027-${month}-01T01:00:00.000Z`);
    for (const api of [first, second]) {
      await eventually(async () => (await monthlyCases(api)).length >= expected.length);
      const cases = await monthlyCases(api);
      expect(cases.map((c) => iso(c.startedAt))).toEqual(expected);
    }
    const clerk = await first.login('xy-clerk');
    for (const c of await monthlyCases(first)) {
      const events = (await first.call('GET', `/api/cases/${c.id}/events`, { token: clerk })).body as { type: string }[];
      expect(events.filter((e) => e.type === 'CaseStarted')).toHaveLength(1);
    }
    // and the loser of each race met the taken stream: a refused append per occurrence at least
    const conflicts = async (api: TestApi) => Number(/^banjie_append_conflicts_total (\d+)/m.exec((await api.call('GET', '/api/metrics')).body as string)?.[1] ?? 0);
    expect((await conflicts(first)) + (await conflicts(second))).toBeGreaterThanOrEqual(expected.length);
  });
});
