import { createMemoryEventStore, type EventStore, type RecordedEvent } from '@banjie/event-store';
import type { UserView, ZoneId } from '@banjie/contracts';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManualClock } from '../clock/clock';
import { WritePositions } from '../store/write-positions';
import { definitionHash } from './definition-hash';
import type { DefinitionRecord } from './definition-record';
import { DefinitionRegistry } from './definition-registry';

const CHILD = readFileSync(join(__dirname, 'called-child.bpmn'), 'utf8');
const CHILD_V2 = readFileSync(join(__dirname, 'called-child-v2.bpmn'), 'utf8');
const KEY = 'called-child';

const designer = (zoneId: ZoneId): UserView => ({ id: `${zoneId}-designer`, name: '设计员', roles: ['designer'], zoneId, groups: [] });

function registryOn(store: EventStore): DefinitionRegistry {
  return new DefinitionRegistry(store, new ManualClock('2026-03-02T01:00:00Z'), new WritePositions());
}

async function streamOf(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(stream)) events.push(event);
  return events;
}

/** What the api wrote before keys were zone-scoped: version 1 of a key in `definition-<key>`, and its withdrawal in `withdrawal-<key>`. */
async function writeOldLayout(store: EventStore, zoneId: string): Promise<void> {
  const record: DefinitionRecord = {
    key: KEY,
    version: 1,
    name: KEY,
    hash: definitionHash(CHILD, {}),
    zoneId,
    xml: CHILD,
    forms: {},
    warnings: [],
    deployedAt: '2026-01-05T02:00:00.000Z',
    deployedBy: `${zoneId}-designer`,
    messageStartNames: [],
  };
  const metadata = { v: 1, actor: { id: `${zoneId}-designer`, roles: ['designer'], zoneId }, zoneId };
  await store.append(`definition-${KEY}`, [{ id: randomUUID(), type: 'DefinitionDeployed', data: record, metadata }], { expected: 'no_stream' });
  const withdrawn = { key: KEY, zoneId, at: '2026-01-06T02:00:00.000Z', by: `${zoneId}-designer` };
  await store.append(`withdrawal-${KEY}`, [{ id: randomUUID(), type: 'DefinitionWithdrawn', data: withdrawn, metadata }], { expected: 'no_stream' });
}

describe('process keys scoped to their zone', () => {
  let store: EventStore;

  beforeEach(() => {
    store = createMemoryEventStore();
  });

  afterEach(() => store.close());

  it('two zones deploy the same key independently, each as its own version 1', async () => {
    // given
    const definitions = registryOn(store);

    // when lf and cz deploy the key "called-child", each its own model
    const lf = await definitions.deploy(CHILD, {}, 'lf', designer('lf'));
    const cz = await definitions.deploy(CHILD_V2, {}, 'cz', designer('cz'));

    // then both are new versions 1, and each zone reads its own model
    expect([lf.created, lf.definition.version, cz.created, cz.definition.version]).toEqual([true, 1, true, 1]);
    expect((await definitions.find('lf', KEY))?.xml).toBe(CHILD);
    expect((await definitions.find('cz', KEY))?.xml).toBe(CHILD_V2);
    expect(await definitions.find('tg', KEY)).toBeUndefined();
    expect(await definitions.zonesWith(KEY)).toEqual(['lf', 'cz']);
    // and a second instance on the store reads the same
    expect((await registryOn(store).find('cz', KEY))?.hash).toBe(cz.definition.hash);
  });

  it("a zone's new versions and withdrawal leave another zone's key as it was", async () => {
    // given both zones deployed the key
    const definitions = registryOn(store);
    await definitions.deploy(CHILD, {}, 'lf', designer('lf'));
    await definitions.deploy(CHILD, {}, 'cz', designer('cz'));

    // when lf deploys version 2 and withdraws its key
    const lfV2 = await definitions.deploy(CHILD_V2, {}, 'lf', designer('lf'));
    await definitions.setWithdrawn(KEY, true, designer('lf'));

    // then cz still has version 1, not withdrawn; a zone without the key cannot withdraw it
    expect(lfV2.definition.version).toBe(2);
    expect([await definitions.isWithdrawn('lf', KEY), await definitions.isWithdrawn('cz', KEY)]).toEqual([true, false]);
    expect((await definitions.find('cz', KEY))?.version).toBe(1);
    const taskName = async (zoneId: string, version: number) => (await definitions.model(zoneId, KEY, version)).elements['Task_ChildReview']?.name;
    expect([await taskName('cz', 1), await taskName('lf', 2)]).toEqual(['子流程审查 Child review', '子流程审查 v2 Child review, no sign-off']);
    await expect(definitions.setWithdrawn(KEY, true, designer('tg'))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a store written before keys were zone-scoped still loads, and its zone goes on in the same stream', async () => {
    // given version 1 of the key deployed and withdrawn by cz in the old layout
    await writeOldLayout(store, 'cz');
    const definitions = registryOn(store);

    // when cz reads it and deploys version 2, and lf deploys the same key
    const old = await definitions.find('cz', KEY);
    const withdrawn = await definitions.isWithdrawn('cz', KEY);
    const compiled = await definitions.model('cz', KEY, 1);
    const czV2 = await definitions.deploy(CHILD_V2, {}, 'cz', designer('cz'));
    const lf = await definitions.deploy(CHILD, {}, 'lf', designer('lf'));

    // then cz's versions continue the old stream; lf's key is its own, in the zone-scoped stream
    expect([old?.version, old?.zoneId, withdrawn, compiled.elements['Task_ChildReview']?.name]).toEqual([1, 'cz', true, '子流程审查 Child review']);
    expect([czV2.definition.version, lf.definition.version]).toEqual([2, 1]);
    expect((await streamOf(store, `definition-${KEY}`)).map((e) => (e.data as DefinitionRecord).version)).toEqual([1, 2]);
    expect((await streamOf(store, `definition-lf:${KEY}`)).map((e) => (e.data as DefinitionRecord).zoneId)).toEqual(['lf']);
    expect([await definitions.isLegacyKey('cz', KEY), await definitions.isLegacyKey('lf', KEY)]).toEqual([true, false]);
    expect(await definitions.isWithdrawn('lf', KEY)).toBe(false);
  });
});
