import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { StreamNotFoundError } from '../lib/errors';
import type { EventToAppend } from '../lib/port';
import type { ContractContext } from './contract-context';
import { collect, event, revisionsOf, someEvents } from './contract-helpers';

/** Reads: readStream bounds, readAll order and resumption, round trip of every field, the hash chain. */
export function readContract(ctx: ContractContext): void {
  describe('readStream', () => {
    it('reads forwards and backwards within bounds', async () => {
      // given
      await ctx.store.append(ctx.stream('case'), someEvents(6), { expected: 'no_stream' });
      // when
      const forwards = await revisionsOf(ctx.store, ctx.stream('case'), { from: 2n, maxCount: 3 });
      const backwards = await revisionsOf(ctx.store, ctx.stream('case'), { direction: 'backwards', maxCount: 2 });
      const backwardsFrom = await revisionsOf(ctx.store, ctx.stream('case'), { direction: 'backwards', from: 3n });
      const pastTheEnd = await revisionsOf(ctx.store, ctx.stream('case'), { from: 10n });
      // then
      expect(forwards).toEqual([2n, 3n, 4n]);
      expect(backwards).toEqual([5n, 4n]);
      expect(backwardsFrom).toEqual([3n, 2n, 1n, 0n]);
      expect(pastTheEnd).toEqual([]);
    });

    it('fails with StreamNotFoundError for a stream that does not exist', async () => {
      // when
      const reading = collect(ctx.store.readStream(ctx.stream('nowhere')));
      // then
      await expect(reading).rejects.toThrow(StreamNotFoundError);
    });
  });

  describe('readAll', () => {
    it('returns events in append order with distinct positions and resumes after any of them', async () => {
      // given
      const appended: string[] = [];
      for (let i = 0; i < 4; i++) {
        const events = someEvents(2);
        appended.push(...events.map((event) => event.id!));
        await ctx.store.append(ctx.stream(`case-${i % 2}`), events, { expected: 'any' });
      }
      // when
      const all = await collect(ctx.store.readAll({ filter: ctx.onlyThisTest() }));
      // then
      expect(all.map((event) => event.id)).toEqual(appended);
      expect(new Set(all.map((event) => event.position)).size).toBe(all.length);
      for (let i = 0; i < all.length; i++) {
        const rest = await collect(ctx.store.readAll({ after: all[i].position, filter: ctx.onlyThisTest() }));
        expect(rest.map((event) => event.id)).toEqual(appended.slice(i + 1));
      }
    });

    it('honours maxCount and the event-type filter', async () => {
      // given
      await ctx.store.append(ctx.stream('case'), [event('CaseStarted'), event('TaskCreated'), event('TaskCompleted'), event('TaskCreated')], {
        expected: 'no_stream',
      });
      // when
      const tasks = await collect(ctx.store.readAll({ filter: { streamPrefix: [ctx.prefix], eventTypes: ['TaskCreated'] } }));
      const firstTwo = await collect(ctx.store.readAll({ filter: ctx.onlyThisTest(), maxCount: 2 }));
      // then
      expect(tasks.map((one) => one.revision)).toEqual([1n, 3n]);
      expect(firstTwo.map((one) => one.type)).toEqual(['CaseStarted', 'TaskCreated']);
    });
  });

  describe('round trip', () => {
    it('keeps every field of an event as appended', async () => {
      // given
      const sent: EventToAppend = {
        id: randomUUID(),
        type: 'VariablesSet',
        data: { applicant: '张三', amount: 12.5, items: [1, 'two', null, { nested: true }], empty: {} },
        metadata: { correlationId: 'c-1', definitionVersion: 3 },
      };
      const before = Date.now();
      // when
      await ctx.store.append(ctx.stream('case'), [sent], { expected: 'no_stream' });
      const [read] = await collect(ctx.store.readStream(ctx.stream('case')));
      // then
      expect(read).toMatchObject({ id: sent.id, type: sent.type, data: sent.data, stream: ctx.stream('case'), revision: 0n });
      expect(read.metadata).toMatchObject(sent.metadata!);
      expect(Date.parse(read.recordedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(read.recordedAt)).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('keeps events and their positions across a restart', async () => {
      if (!ctx.subject.reopen) return expect(ctx.subject.reopen).toBeUndefined();
      // given
      await ctx.store.append(ctx.stream('case'), someEvents(3), { expected: 'no_stream' });
      const before = await collect(ctx.store.readAll({ filter: ctx.onlyThisTest() }));
      await ctx.store.close();
      // when
      ctx.store = await ctx.subject.reopen();
      const after = await collect(ctx.store.readAll({ filter: ctx.onlyThisTest() }));
      const resumed = await collect(ctx.store.readAll({ after: before[0].position, filter: ctx.onlyThisTest() }));
      // then
      expect(after).toEqual(before);
      expect(resumed.map((one) => one.id)).toEqual(before.slice(1).map((one) => one.id));
    });
  });

  describe('hash chain', () => {
    it('links each event to the previous one and verifies against the head', async () => {
      // given
      await ctx.store.append(ctx.stream('case'), someEvents(2), { expected: 'no_stream' });
      await ctx.store.append(ctx.stream('case'), someEvents(2), { expected: 1n });
      const events = await collect(ctx.store.readStream(ctx.stream('case')));
      // when
      const result = await ctx.store.verify(ctx.stream('case'), { expectedHeadHash: events[3].hash });
      // then
      expect(events[0].prevHash).toBe('');
      expect(events.slice(1).map((one) => one.prevHash)).toEqual(events.slice(0, 3).map((one) => one.hash));
      expect(result).toEqual({ valid: true, events: 4, headHash: events[3].hash });
    });

    it('finds an anchored head that the stream does not reach', async () => {
      // given
      await ctx.store.append(ctx.stream('case'), someEvents(2), { expected: 'no_stream' });
      // when
      const result = await ctx.store.verify(ctx.stream('case'), { expectedHeadHash: 'f'.repeat(64) });
      // then
      expect(result).toMatchObject({ valid: false, brokenAt: 2n });
    });
  });
}
