import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { GENESIS_HASH, canonicalEventHash, canonicalEventHashOfParts, verifyHashChain } from './hash-chain';
import type { RecordedEvent } from './port';

describe('hash chain', () => {
  const fixed = { stream: 'case-1', id: 'e-1', type: 'VariablesSet', recordedAt: '2026-11-28T05:00:00.000Z' };

  function chainOf(count: number): RecordedEvent[] {
    const events: RecordedEvent[] = [];
    let prevHash = GENESIS_HASH;
    for (let index = 0; index < count; index++) {
      const fields = { ...fixed, id: `e-${index}`, prevHash, revision: BigInt(index), data: { amount: index }, metadata: {} };
      const event = { ...fields, position: String(index + 1), hash: canonicalEventHash(fields) };
      events.push(event);
      prevHash = event.hash;
    }
    return events;
  }

  async function* from(events: RecordedEvent[]): AsyncIterable<RecordedEvent> {
    yield* events;
  }

  it('hashes stored canonical parts exactly as it hashes the whole event', () => {
    // given any JSON data and metadata
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()), fc.bigInt({ min: 0n, max: 2n ** 62n }), (data, metadata, revision) => {
        const fields = { ...fixed, prevHash: 'ab'.repeat(32), revision };
        // when
        const whole = canonicalEventHash({ ...fields, data, metadata });
        const parts = canonicalEventHashOfParts(fields, canonicalize(data)!, canonicalize(metadata)!);
        // then
        expect(parts).toBe(whole);
      }),
    );
  });

  it('changes the hash when any covered field changes', () => {
    // given
    const fields = { ...fixed, prevHash: '', revision: 0n, data: { amount: 1 }, metadata: {} };
    // when
    const variants = [
      fields,
      { ...fields, prevHash: 'x' },
      { ...fields, stream: 'case-2' },
      { ...fields, revision: 1n },
      { ...fields, id: 'e-2' },
      { ...fields, type: 'TaskCompleted' },
      { ...fields, data: { amount: 2 } },
      { ...fields, metadata: { userId: 'u' } },
      { ...fields, recordedAt: '2026-11-28T05:00:00.001Z' },
    ].map(canonicalEventHash);
    // then
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('accepts an intact chain and reports its head', async () => {
    // given
    const events = chainOf(3);
    // when
    const result = await verifyHashChain(from(events), { expectedHeadHash: events[1].hash });
    // then
    expect(result).toEqual({ valid: true, events: 3, headHash: events[2].hash });
  });

  it('reports the first revision whose content no longer matches its hash', async () => {
    // given
    const events = chainOf(4);
    events[2] = { ...events[2], data: { amount: 999 } };
    // when
    const result = await verifyHashChain(from(events));
    // then
    expect(result).toMatchObject({ valid: false, brokenAt: 2n });
  });

  it('reports a missing revision in the middle of the chain', async () => {
    // given
    const events = chainOf(4);
    events.splice(1, 1);
    // when
    const result = await verifyHashChain(from(events));
    // then
    expect(result).toMatchObject({ valid: false, brokenAt: 1n });
  });
});
