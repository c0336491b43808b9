import { createMemoryEventStore, type EventStore } from '@banjie/event-store';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_BPMN_DIR, startTestApi, type TestApi } from '../testing/test-api';

const FIXTURE_KEY = 'api-fixture-approval';
const FIXTURE_XML = readFileSync(join(FIXTURE_BPMN_DIR, 'linfen-api-fixture.bpmn'), 'utf8');
const FORMS = { 'window-check': JSON.parse(readFileSync(join(FIXTURE_BPMN_DIR, 'forms/window-check.form'), 'utf8')) as unknown };

/** The fixture flow under another process key, with its own name (so each zone's model hashes differently). */
function flow(key: string, name: string): string {
  return FIXTURE_XML.replace(`id="${FIXTURE_KEY}"`, `id="${key}"`).replace(/(<bpmn:process id="[^"]+" name=")[^"]*"/, `$1${name}"`);
}

interface Summary {
  key: string;
  version: number;
  zoneId: string;
  name: string;
}

describe('process keys scoped to their zone, over HTTP', () => {
  const KEY = 'zone-permit';
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it("two zones deploy the same key: both 201 as version 1, each zone's users see and start their own", async () => {
    // given
    const [lfDesigner, czDesigner] = [await api.login('lf-designer'), await api.login('cz-designer')];

    // when
    const lf = await api.call('POST', '/api/definitions', { token: lfDesigner, body: { xml: flow(KEY, '临汾 许可'), forms: FORMS } });
    const cz = await api.call('POST', '/api/definitions', { token: czDesigner, body: { xml: flow(KEY, '长子 许可'), forms: FORMS } });

    // then
    expect([lf.status, lf.body.version, cz.status, cz.body.version]).toEqual([201, 1, 201, 1]);
    expect(lf.body.hash).not.toBe(cz.body.hash);
    for (const [zone, deployed] of [['lf', lf], ['cz', cz]] as const) {
      const read = await api.call('GET', `/api/definitions/${KEY}`, { token: await api.login(`${zone}-clerk`) });
      expect([read.status, read.body.zoneId, read.body.hash, read.body.versions.map((v: { version: number }) => v.version)]).toEqual([200, zone, deployed.body.hash, [1]]);
      const listed = (await api.call('GET', '/api/definitions?limit=500', { token: await api.login(`${zone}-applicant`) })).body as Summary[];
      expect(listed.filter((d) => d.key === KEY).map((d) => [d.zoneId, d.name])).toEqual([[zone, zone === 'lf' ? '临汾 许可' : '长子 许可']]);
      const started = await api.call('POST', '/api/cases', { token: await api.login(`${zone}-applicant`), body: { definitionKey: KEY, businessKey: `${zone.toUpperCase()}-2026-Z01` } });
      expect([started.status, started.body.zoneId, started.body.definitionKey, started.body.version]).toEqual([201, zone, KEY, 1]);
    }
  });

  it("a zone's designer can neither see nor change another zone's key", async () => {
    // given both zones have the key (previous test); cz withdraws its own and deploys version 2
    const czDesigner = await api.login('cz-designer');
    const lfDesigner = await api.login('lf-designer');
    const before = await api.call('GET', `/api/definitions/${KEY}`, { token: lfDesigner });

    // when
    const withdrawn = await api.call('POST', `/api/definitions/${KEY}/withdraw`, { token: czDesigner });
    const czV2 = await api.call('POST', '/api/definitions', { token: czDesigner, body: { xml: flow(KEY, '长子 许可 第二版'), forms: FORMS } });
    const peek = await api.call('GET', `/api/definitions/${KEY}?zoneId=cz`, { token: lfDesigner });
    const peekVersion = await api.call('GET', `/api/definitions/${KEY}/versions/2?zoneId=cz`, { token: lfDesigner });
    const after = await api.call('GET', `/api/definitions/${KEY}`, { token: lfDesigner });
    const lfStart = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), body: { definitionKey: KEY } });
    const czStart = await api.call('POST', '/api/cases', { token: await api.login('cz-applicant'), body: { definitionKey: KEY } });
    const lfStartsCz = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), body: { definitionKey: KEY, zoneId: 'cz' } });

    // then lf's key is as it was and still starts cases; cz's is withdrawn at version 2; lf cannot address cz's
    expect([withdrawn.status, czV2.status, czV2.body.version]).toEqual([200, 201, 2]);
    expect([after.body.version, after.body.hash, after.body.zoneId]).toEqual([before.body.version, before.body.hash, 'lf']);
    expect([lfStart.status, czStart.status, czStart.body.error]).toEqual([201, 409, 'definition_withdrawn']);
    expect([peek.status, peekVersion.status, lfStartsCz.status]).toEqual([403, 403, 403]);
    expect(peek.body.message).toMatch(/zoneId "cz" is not your zone/);
    expect(JSON.stringify(peek.body)).not.toContain('长子');
    expect((await api.call('POST', `/api/definitions/${KEY}/restore`, { token: czDesigner })).status).toBe(200);
  });

  it('a province user lists both zones\' key and reads and starts each by zone; a key of one zone needs no zone', async () => {
    // given both zones have the key; the fixture key is lf's alone
    const [admin, auditor] = [await api.login('admin'), await api.login('auditor')];

    // when
    const listed = (await api.call('GET', '/api/definitions?limit=500', { token: auditor })).body as Summary[];
    const unnamed = await api.call('GET', `/api/definitions/${KEY}`, { token: auditor });
    const lf = await api.call('GET', `/api/definitions/${KEY}?zoneId=lf`, { token: auditor });
    const cz = await api.call('GET', `/api/definitions/${KEY}/versions/1?zoneId=cz`, { token: auditor });
    const unknownZone = await api.call('GET', `/api/definitions/${KEY}?zoneId=xx`, { token: auditor });
    const notThere = await api.call('GET', `/api/definitions/${KEY}?zoneId=tg`, { token: auditor });
    const unique = await api.call('GET', `/api/definitions/${FIXTURE_KEY}`, { token: auditor });
    const startUnnamed = await api.call('POST', '/api/cases', { token: admin, body: { definitionKey: KEY } });
    const startCz = await api.call('POST', '/api/cases', { token: admin, body: { definitionKey: KEY, zoneId: 'cz', businessKey: 'CZ-2026-Z02' } });
    const startUnique = await api.call('POST', '/api/cases', { token: admin, body: { definitionKey: FIXTURE_KEY } });

    // then
    expect(listed.filter((d) => d.key === KEY).map((d) => [d.zoneId, d.version])).toEqual([['cz', 2], ['lf', 1]]);
    expect([unnamed.status, unnamed.body.error, unnamed.body.details]).toEqual([400, 'bad_request', [{ field: 'zoneId', message: 'one of lf, cz' }]]);
    expect(unnamed.body.message).toMatch(/deployed in several zones \(lf, cz\): name one with zoneId/);
    expect([lf.status, lf.body.zoneId, lf.body.version, cz.status, cz.body.zoneId, cz.body.version]).toEqual([200, 'lf', 1, 200, 'cz', 1]);
    expect(lf.body.hash).not.toBe(cz.body.hash);
    expect([unknownZone.status, unknownZone.body.details?.[0]?.field, notThere.status]).toEqual([400, 'zoneId', 404]);
    expect([unique.status, unique.body.zoneId]).toEqual([200, 'lf']);
    expect([startUnnamed.status, startCz.status, startCz.body.zoneId, startCz.body.version, startUnique.status, startUnique.body.zoneId]).toEqual([400, 201, 'cz', 2, 201, 'lf']);
  });

  it('pages of the definitions list go through both zones of a key without skipping or repeating a row', async () => {
    // given the province list of every key and zone
    const auditor = await api.login('auditor');
    const whole = ((await api.call('GET', '/api/definitions?limit=500', { token: auditor })).body as Summary[]).map((d) => `${d.zoneId}:${d.key}`);

    // when it is read one row per page
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Summary[]; headers: Headers } = await api.call('GET', `/api/definitions?limit=1${cursor ? `&cursor=${cursor}` : ''}`, { token: auditor });
      paged.push(...page.body.map((d) => `${d.zoneId}:${d.key}`));
      cursor = page.headers.get('x-next-cursor');
    } while (cursor);

    // then
    expect(paged).toEqual(whole);
    expect(paged).toEqual(expect.arrayContaining([`lf:${KEY}`, `cz:${KEY}`]));
  });
});

describe('a store written before process keys were zone-scoped', () => {
  const LEGACY_KEY = 'legacy-permit';
  let store: EventStore;
  let api: TestApi;

  beforeAll(async () => {
    // given version 1 of a key deployed by cz the old way: in the stream `definition-<key>`
    store = createMemoryEventStore();
    const xml = flow(LEGACY_KEY, '长子 旧许可');
    const record = {
      key: LEGACY_KEY,
      version: 1,
      name: '长子 旧许可',
      hash: 'sha256-of-the-old-deployment',
      zoneId: 'cz',
      xml,
      forms: FORMS,
      warnings: [],
      deployedAt: '2026-01-05T02:00:00.000Z',
      deployedBy: 'cz-designer',
      messageStartNames: [],
    };
    const metadata = { v: 1, actor: { id: 'cz-designer', roles: ['designer'], zoneId: 'cz' }, zoneId: 'cz' };
    await store.append(`definition-${LEGACY_KEY}`, [{ id: randomUUID(), type: 'DefinitionDeployed', data: record, metadata }], { expected: 'no_stream' });
    api = await startTestApi({}, undefined, store);
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
    await store.close();
  });

  it('still loads: its zone reads, lists and starts it, deploys version 2 in place, and another zone gets its own version 1', async () => {
    // when
    const czDesigner = await api.login('cz-designer');
    const read = await api.call('GET', `/api/definitions/${LEGACY_KEY}`, { token: await api.login('cz-clerk') });
    const listed = (await api.call('GET', '/api/definitions?limit=500', { token: await api.login('cz-applicant') })).body as Summary[];
    const started = await api.call('POST', '/api/cases', { token: await api.login('cz-applicant'), body: { definitionKey: LEGACY_KEY, businessKey: 'CZ-2026-L01' } });
    const v2 = await api.call('POST', '/api/definitions', { token: czDesigner, body: { xml: flow(LEGACY_KEY, '长子 旧许可 第二版'), forms: FORMS } });
    const lf = await api.call('POST', '/api/definitions', { token: await api.login('lf-designer'), body: { xml: flow(LEGACY_KEY, '临汾 许可'), forms: FORMS } });
    const czAfter = await api.call('GET', `/api/definitions/${LEGACY_KEY}`, { token: czDesigner });
    const versionStreams: string[] = [];
    for await (const event of store.readAll()) if (event.type === 'DefinitionDeployed' && event.stream.includes(LEGACY_KEY)) versionStreams.push(event.stream);

    // then
    expect([read.status, read.body.zoneId, read.body.version, read.body.name]).toEqual([200, 'cz', 1, '长子 旧许可']);
    expect(listed.filter((d) => d.key === LEGACY_KEY).map((d) => [d.zoneId, d.version])).toEqual([['cz', 1]]);
    expect([started.status, started.body.zoneId, started.body.version, started.body.tasks.map((t: { elementId: string }) => t.elementId)]).toEqual([201, 'cz', 1, ['Task_WindowCheck']]);
    expect([v2.status, v2.body.version, lf.status, lf.body.version]).toEqual([201, 2, 201, 1]);
    expect([czAfter.body.version, czAfter.body.versions.map((v: { version: number; running: number }) => [v.version, v.running])]).toEqual([2, [[2, 0], [1, 1]]]);
    expect(versionStreams).toEqual([`definition-${LEGACY_KEY}`, `definition-${LEGACY_KEY}`, `definition-lf:${LEGACY_KEY}`]);
  });
});

describe('a timer start key deployed by two zones', () => {
  const MONTHLY_KEY = 'api-fixture-monthly';
  const MONTHLY_XML = readFileSync(join(FIXTURE_BPMN_DIR, '../timer-start-bpmn/api-fixture-monthly.bpmn'), 'utf8');
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ BANJIE_CLOCK: 'manual' });
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it("starts each zone's own case at each occurrence", async () => {
    // given xy and tg deployed the monthly flow in December 2026 (its cycle starts on 1 January 2027, 01:00 UTC)
    const admin = await api.login('admin');
    expect((await api.call('POST', '/api/admin/clock', { token: admin, body: { now: '2026-12-20T00:00:00Z' } })).status).toBe(200);
    const deploys = [];
    for (const zone of ['xy', 'tg']) deploys.push(await api.call('POST', '/api/definitions', { token: await api.login(`${zone}-designer`), body: { xml: MONTHLY_XML } }));

    // when the clock passes the first occurrence
    const moved = await api.call('POST', '/api/admin/clock', { token: admin, body: { now: '2027-01-01T01:30:00Z' } });

    // then each zone has one case of its own version 1, started at the due time
    expect(deploys.map((d) => [d.status, d.body.version])).toEqual([[201, 1], [201, 1]]);
    expect(moved.status).toBe(200);
    for (const zone of ['xy', 'tg']) {
      const cases = (await api.call('GET', `/api/cases?definitionKey=${MONTHLY_KEY}`, { token: await api.login(`${zone}-clerk`) })).body as { zoneId: string; version: number; startedAt: string }[];
      expect(cases.map((c) => [c.zoneId, c.version, new Date(c.startedAt).toISOString()])).toEqual([[zone, 1, '2027-01-01T01:00:00.000Z']]);
    }
  });
});
