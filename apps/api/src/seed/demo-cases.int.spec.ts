import { resolve } from 'node:path';
import type { CaseSummary, CaseView } from '@banjie/contracts';
import { eventually, startTestApi, type TestApi } from '../testing/test-api';
import { DEMO_CASES, demoCaseId } from './demo-cases';

/** The zones' reference flows of the repository, deployed at first start like a real installation. */
const ZONE_FLOW_DIR = resolve(__dirname, '../../../../bpmn');
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

  it('gives each zone a case without warning, and red cases where the first stage runs on the engine clock', async () => {
    // cz starts in an unclocked pre-review and tg's first task follows a service task its worker
    // runs at wall time: their red cases need tasks worked in the past (not seeded yet).
    const red = ['lf', 'yp', 'az', 'xy', 'sd'];
    const seen: Record<string, { none: boolean; red: boolean }> = {};
    for (const zoneId of ['lf', 'cz', 'yp', 'az', 'xy', 'tg', 'sd']) {
      const levels = await eventually(
        async () => new Set((await list(zoneId)).map((c) => c.warning ?? 'none')),
        (found) => found.has('none') && (!red.includes(zoneId) || found.has('red')),
      );
      seen[zoneId] = { none: levels.has('none'), red: levels.has('red') };
    }
    expect(seen).toEqual({
      lf: { none: true, red: true },
      cz: { none: true, red: false },
      yp: { none: true, red: true },
      az: { none: true, red: true },
      xy: { none: true, red: true },
      tg: { none: true, red: false },
      sd: { none: true, red: true },
    });
  });

  it('writes hash chains that verify', async () => {
    const token = await api.login('admin');
    for (const demo of DEMO_CASES) {
      const answer = await api.call<{ valid: boolean }>('GET', `/api/cases/${demoCaseId(demo.zoneId, demo.businessKey)}/verify`, { token });
      expect({ key: demo.businessKey, valid: answer.body.valid }).toEqual({ key: demo.businessKey, valid: true });
    }
  });

  it('starts no duplicate on a restart', async () => {
    const before = (await list('lf')).length;
    const dataDir = api.dataDir;
    await api.stop();
    api = await startTestApi(ENV, dataDir);
    const keys = (await list('lf')).map((c) => c.businessKey);
    expect(keys.length).toBe(before);
    expect(new Set(keys).size).toBe(keys.length);
  }, 60_000);
});
