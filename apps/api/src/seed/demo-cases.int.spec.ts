import { resolve } from 'node:path';
import type { CaseSummary, CaseView, StatsView } from '@banjie/contracts';
import { warnings, type CaseEventBody } from '../testing/scenario-driver';
import { eventually, startTestApi, type TestApi } from '../testing/test-api';
import { createWorkingCalendar } from '@banjie/calendar';
import { DEMO_CASES, demoCaseId, placeWarning, type DemoCase } from './demo-cases';

/** The zones' reference flows of the repository, deployed at first start like a real installation. */
const ZONE_FLOW_DIR = resolve(__dirname, '../../../../bpmn');
const DEMO_KEYS = new Set(DEMO_CASES.map((d) => d.businessKey));
/** Whether a warning case can show its warning today (a 3-WD limit cannot be yellow on a day off), on the national calendar. */
function placeable(demo: DemoCase): boolean {
  const start = demo.startedAt;
  return typeof start === 'object' && 'warning' in start && placeWarning(start, demo, new Date().toISOString(), createWorkingCalendar({ zoneId: demo.zoneId })).placed;
}
const ENV = { BANJIE_BPMN_DIR: ZONE_FLOW_DIR, BANJIE_SEED_DEMO_CASES: 'true' };

describe('demo cases on first start (BANJIE_SEED_DEMO_CASES)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(ENV);
  }, 60_000);

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  async function list(zoneId: string): Promise<CaseSummary[]> {
    const token = await api.login('admin');
    const answer = await api.call<CaseSummary[]>('GET', `/api/cases?zoneId=${zoneId}&limit=500`, { token });
    expect(answer.status).toBe(200);
    return answer.body;
  }

  /** A story case of `zoneId` as it stands, with its stored events. */
  async function story(zoneId: string, businessKey: string): Promise<{ view: CaseView; events: CaseEventBody[] }> {
    const token = await api.login('admin');
    const id = demoCaseId(zoneId, businessKey);
    const view = (await api.call<CaseView>('GET', `/api/cases/${id}`, { token })).body;
    const events = (await api.call<CaseEventBody[]>('GET', `/api/cases/${id}/events`, { token })).body;
    return { view, events };
  }

  function ends(view: CaseView): string[] {
    return view.completed.filter((c) => c.elementId.startsWith('Event_')).map((c) => c.elementId);
  }

  it('starts every demo case of every zone through the command path, as its zone user', async () => {
    const token = await api.login('admin');
    for (const demo of DEMO_CASES) {
      const answer = await api.call<CaseView>('GET', `/api/cases/${demoCaseId(demo.zoneId, demo.businessKey)}`, { token });
      expect({ key: demo.businessKey, status: answer.status }).toEqual({ key: demo.businessKey, status: 200 });
      expect(answer.body).toMatchObject({ businessKey: demo.businessKey, zoneId: demo.zoneId, definitionKey: demo.definitionKey });
    }
  });

  it('starts LF-2026-001 in February 2026, across the Spring Festival, and it is red by now', async () => {
    const entry = await eventually(
      async () => (await list('lf')).find((c) => c.businessKey === 'LF-2026-001'),
      (found) => found?.warning === 'red',
    );
    expect(entry).toMatchObject({ status: 'active', warning: 'red' });
    expect(entry?.startedAt.startsWith('2026-02-10')).toBe(true);
  });

  it('gives each zone active, completed, yellow and red cases on first open, in the stats of its leader', async () => {
    const seen: Record<string, { active: boolean; completed: boolean; yellow: boolean; red: boolean }> = {};
    for (const zoneId of ['lf', 'cz', 'yp', 'az', 'xy', 'tg', 'sd']) {
      const token = await api.login(`${zoneId}-leader`);
      const stats = await eventually(
        async () => (await api.call<StatsView>('GET', '/api/stats', { token })).body,
        (found) => found.cases.active > 0 && found.cases.completed > 0 && (found.yellow > 0 || zoneId === 'lf') && found.red > 0,
      );
      seen[zoneId] = { active: stats.cases.active > 0, completed: stats.cases.completed > 0, yellow: stats.yellow > 0, red: stats.red > 0 };
    }
    const every = { active: true, completed: true, yellow: true, red: true };
    // Linfen's yellow case waits on a 3-WD evaluation, yellow only on a working day
    const lfYellow = placeable(DEMO_CASES.find((d) => d.businessKey === 'LF-2026-D105') as DemoCase);
    expect(seen).toEqual({ lf: { ...every, yellow: lfYellow }, cz: every, yp: every, az: every, xy: every, tg: every, sd: every });
  });

  it('gives the zones with a rated case a satisfaction figure on the dashboard: the applicants rated them 好差评', async () => {
    const rated = DEMO_CASES.filter((d) => d.rating);
    expect(rated.length).toBeGreaterThanOrEqual(5);
    for (const zoneId of [...new Set(rated.map((d) => d.zoneId))]) {
      const ratings = rated.filter((d) => d.zoneId === zoneId).map((d) => d.rating?.value ?? 0);
      const token = await api.login(`${zoneId}-leader`);
      const stats = await eventually(
        async () => (await api.call<StatsView>('GET', '/api/stats', { token })).body,
        (found) => found.satisfaction !== null && found.satisfaction !== undefined,
      );
      // satisfaction = the share of ratings 4 (满意) or 5 (非常满意)
      expect({ zoneId, satisfaction: stats.satisfaction }).toEqual({ zoneId, satisfaction: ratings.filter((r) => r >= 4).length / ratings.length });
    }
  });

  it('places each yellow demo case so that its open task is yellow now, and each red one past its deadline', async () => {
    const placed = DEMO_CASES.filter(placeable);
    // every zone has one, and only the 3-WD Linfen case can miss its window (on a day off)
    expect(DEMO_CASES.filter((d) => typeof d.startedAt === 'object' && 'warning' in d.startedAt && !placeable(d)).map((d) => d.businessKey)).toEqual(
      placed.some((d) => d.businessKey === 'LF-2026-D105') ? [] : ['LF-2026-D105'],
    );
    for (const demo of placed) {
      const expected = (demo.startedAt as { warning: string }).warning;
      const entry = await eventually(
        async () => (await list(demo.zoneId)).find((c) => c.businessKey === demo.businessKey),
        (found) => found?.warning === expected,
      );
      expect({ key: demo.businessKey, status: entry?.status, warning: entry?.warning }).toEqual({ key: demo.businessKey, status: 'active', warning: expected });
    }
  });

  it('CZ-2026-004: the 容缺 supplement lapsed at its 5-WD deadline, the case was suspended 15 WD, then the permit revoked', async () => {
    const { view, events } = await story('cz', 'CZ-2026-004');
    expect(view.status).toBe('completed');
    expect(ends(view)).toEqual(expect.arrayContaining(['Event_SupplyDeadline', 'Event_Suspended', 'Event_SuspensionLapsed', 'Event_Revoked']));
    expect(view.variables).toMatchObject({ missingItems: '消防安全说明', revocationReason: '逾期未补', certificateIssued: true });
    expect(events.filter((e) => e.type === 'TimerFired').length).toBeGreaterThanOrEqual(2);
  });

  it('YP-2026-002: the agent 刘洋 signed six commitments, the notice ran out, the post-check found them met: closed on time', async () => {
    const { view } = await story('yp', 'YP-2026-002');
    expect(view.status).toBe('completed');
    expect(view.completed).toEqual(expect.arrayContaining([{ elementId: 'Task_SignCommitment', count: 6 }, { elementId: 'Event_Closed', count: 1 }]));
    expect(view.variables).toMatchObject({ agentId: 'yp-agent', commitmentsMet: true, certificateIssued: true });
  });

  it('XY-2026-D017: rated 不满意 at the follow-up and reopened: the demand is with the department again', async () => {
    const { view, events } = await story('xy', 'XY-2026-D017');
    expect(view.status).toBe('active');
    expect(view.completed).toEqual(expect.arrayContaining([{ elementId: 'Task_Resolve', count: 1 }, { elementId: 'Task_FollowUp', count: 1 }]));
    expect(view.tasks.map((t) => t.elementId)).toEqual(['Task_Resolve']);
    const rated = events.find((e) => e.type === 'TaskCompleted' && (e.data['variables'] as Record<string, unknown>)['satisfaction'] === '2');
    expect(rated).toBeDefined();
  });

  it('TG-2026-003: the post-check, late (yellow then red), found an unmet commitment: revoked and on the credit record', async () => {
    const { view, events } = await story('tg', 'TG-2026-003');
    expect(view.status).toBe('completed');
    expect(ends(view)).toContain('Event_Revoked');
    expect(view.variables).toMatchObject({ commitmentsMet: false, creditRecorded: true, creditRecordNo: expect.stringMatching(/^TG-CR-/) });
    expect(warnings(events)).toEqual(['Task_PostCheck:yellow', 'Task_PostCheck:red']);
  });

  it('writes hash chains that verify', async () => {
    const token = await api.login('admin');
    for (const demo of DEMO_CASES) {
      const answer = await api.call<{ valid: boolean }>('GET', `/api/cases/${demoCaseId(demo.zoneId, demo.businessKey)}/verify`, { token });
      expect({ key: demo.businessKey, valid: answer.body.valid }).toEqual({ key: demo.businessKey, valid: true });
    }
  });

  it('starts no duplicate on a restart: a second start adds nothing', async () => {
    const zones = ['lf', 'cz', 'yp', 'az', 'xy', 'tg', 'sd'];
    const keysOf = async () => (await Promise.all(zones.map((zoneId) => list(zoneId)))).flat().map((c) => c.businessKey).filter((key) => DEMO_KEYS.has(key)).sort();
    const before = await keysOf();
    const dataDir = api.dataDir;
    await api.stop();
    api = await startTestApi(ENV, dataDir);
    const keys = await keysOf();
    expect(keys).toEqual(before);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(DEMO_CASES.length);
  }, 60_000);
});
