import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { AppendTooLargeError, InvalidAppendError, StreamNotFoundError, WrongExpectedRevisionError } from '../lib/errors';
import type { ContractContext } from './contract-context';
import { collect, range, revisionsOf, someEvents } from './contract-helpers';

/** Appends: expected revisions, atomic batches, idempotent retry. */
export function appendContract(ctx: ContractContext): void {
  describe('append with an expected revision', () => {
    it('numbers the first batch of a new stream 0..n-1', async () => {
      // given
      const events = someEvents(3);
      // when
      const result = await ctx.store.append(ctx.stream('case-1'), events, { expected: 'no_stream' });
      // then
      expect(result.nextExpectedRevision).toBe(2n);
      const read = await collect(ctx.store.readStream(ctx.stream('case-1')));
      expect(read.map((event) => event.revision)).toEqual([0n, 1n, 2n]);
      expect(read.map((event) => event.id)).toEqual(events.map((event) => event.id));
    });

    it("answers the position $all gives the batch's last event, so waiting for it waits for the whole batch", async () => {
      // given
      await ctx.store.append(ctx.stream('case-0'), someEvents(1), { expected: 'no_stream' });
      // when
      const result = await ctx.store.append(ctx.stream('case-1'), someEvents(3), { expected: 'no_stream' });
      // then
      const all = await collect(ctx.store.readAll({ filter: ctx.onlyThisTest() }));
      expect(all.map((event) => event.stream)).toEqual([ctx.stream('case-0'), ...Array(3).fill(ctx.stream('case-1'))]);
      expect(result.position).toBe(all[3].position);
      expect(await collect(ctx.store.readAll({ after: result.position, filter: ctx.onlyThisTest() }))).toEqual([]);
    });

    it.each([
      ['no_stream on an existing stream', 'no_stream' as const, 1n],
      ['a stale revision', 0n, 1n],
      ['a revision from the future', 5n, 1n],
    ])('refuses %s with the actual revision and writes nothing', async (_name, expected, actual) => {
      // given
      await ctx.store.append(ctx.stream('case'), someEvents(2), { expected: 'no_stream' });
      // when
      const attempt = ctx.store.append(ctx.stream('case'), someEvents(2), { expected });
      // then
      await expect(attempt).rejects.toThrow(WrongExpectedRevisionError);
      await expect(attempt).rejects.toMatchObject({ actual });
      expect(await revisionsOf(ctx.store, ctx.stream('case'))).toEqual([0n, 1n]);
    });

    it.each([
      ['stream_exists', 'stream_exists' as const],
      ['a revision', 0n],
    ])('refuses %s on a missing stream with actual no_stream and creates nothing', async (_name, expected) => {
      // when
      const attempt = ctx.store.append(ctx.stream('missing'), someEvents(1), { expected });
      // then
      await expect(attempt).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', actual: 'no_stream' });
      await expect(collect(ctx.store.readStream(ctx.stream('missing')))).rejects.toThrow(StreamNotFoundError);
    });

    it('accepts stream_exists and the right revision', async () => {
      // given
      await ctx.store.append(ctx.stream('case'), someEvents(1), { expected: 'no_stream' });
      // when
      await ctx.store.append(ctx.stream('case'), someEvents(1), { expected: 'stream_exists' });
      const result = await ctx.store.append(ctx.stream('case'), someEvents(2), { expected: 1n });
      // then
      expect(result.nextExpectedRevision).toBe(3n);
      expect(await revisionsOf(ctx.store, ctx.stream('case'))).toEqual([0n, 1n, 2n, 3n]);
    });

    it('never conflicts with any', async () => {
      // when
      await ctx.store.append(ctx.stream('log'), someEvents(1), { expected: 'any' });
      await ctx.store.append(ctx.stream('log'), someEvents(2), { expected: 'any' });
      const result = await ctx.store.append(ctx.stream('log'), someEvents(1), { expected: 'any' });
      // then
      expect(result.nextExpectedRevision).toBe(3n);
      expect(await revisionsOf(ctx.store, ctx.stream('log'))).toEqual([0n, 1n, 2n, 3n]);
    });

    it('lets exactly one of many parallel appends at the same revision win', async () => {
      // given
      await ctx.store.append(ctx.stream('race'), someEvents(1), { expected: 'no_stream' });
      // when
      const attempts = await Promise.allSettled(
        Array.from({ length: 12 }, () => ctx.store.append(ctx.stream('race'), someEvents(2), { expected: 0n })),
      );
      // then
      const winners = attempts.filter((attempt) => attempt.status === 'fulfilled');
      const losers = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
      expect(winners).toHaveLength(1);
      for (const loser of losers) expect(loser.reason).toMatchObject({ name: 'WrongExpectedRevisionError', actual: 2n });
      expect(await revisionsOf(ctx.store, ctx.stream('race'))).toEqual([0n, 1n, 2n]);
    });
  });

  describe('atomic batches', () => {
    it('writes nothing of an oversized batch', async () => {
      // given
      const batch = [...someEvents(2), { id: randomUUID(), type: 'DocumentUploaded', data: { scan: 'x'.repeat(1_100_000) } }];
      // when
      const attempt = ctx.store.append(ctx.stream('big'), batch, { expected: 'no_stream' });
      // then
      await expect(attempt).rejects.toThrow(AppendTooLargeError);
      await expect(collect(ctx.store.readStream(ctx.stream('big')))).rejects.toThrow(StreamNotFoundError);
    });

    it.each([
      ['an empty batch', 'case', []],
      ['a $-prefixed stream', '$case', someEvents(1)],
      ['a $-prefixed event type', 'case', [{ type: '$metadata', data: {} }]],
    ])('refuses %s before writing', async (_name, name, events) => {
      // when
      const attempt = ctx.store.append(name.startsWith('$') ? `$${ctx.stream(name.slice(1))}` : ctx.stream(name), events, { expected: 'any' });
      // then
      await expect(attempt).rejects.toThrow(InvalidAppendError);
      await expect(collect(ctx.store.readStream(ctx.stream('case')))).rejects.toThrow(StreamNotFoundError);
    });

    it('never shows a reader half a batch while writers append', async () => {
      // given
      const batchSize = 5;
      await ctx.store.append(ctx.stream('busy'), someEvents(batchSize), { expected: 'no_stream' });
      // when
      const writers = Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 10; i++) await ctx.store.append(ctx.stream('busy'), someEvents(batchSize), { expected: 'any' });
      });
      const seenLengths: number[] = [];
      const reader = (async () => {
        for (let i = 0; i < 30; i++) {
          seenLengths.push((await collect(ctx.store.readStream(ctx.stream('busy')))).length);
          seenLengths.push((await collect(ctx.store.readAll({ filter: ctx.onlyThisTest() }))).length);
        }
      })();
      await Promise.all([...writers, reader]);
      // then
      expect(seenLengths.filter((length) => length % batchSize !== 0)).toEqual([]);
      expect(await revisionsOf(ctx.store, ctx.stream('busy'))).toEqual(range(0, 41 * batchSize));
    });
  });

  describe('idempotent retry', () => {
    it.each([
      ['no_stream', 'no_stream' as const],
      ['any', 'any' as const],
    ])('returns the first result of a batch retried with the same ids under %s and adds nothing', async (_name, expected) => {
      // given
      const batch = someEvents(3);
      const first = await ctx.store.append(ctx.stream('retry'), batch, { expected });
      // when
      const retry = await ctx.store.append(ctx.stream('retry'), batch, { expected });
      // then
      expect(retry).toEqual(first);
      expect(await revisionsOf(ctx.store, ctx.stream('retry'))).toEqual([0n, 1n, 2n]);
    });

    it('returns the first result of a retry at an explicit revision after later appends', async () => {
      // given
      await ctx.store.append(ctx.stream('retry'), someEvents(1), { expected: 'no_stream' });
      const batch = someEvents(2);
      const first = await ctx.store.append(ctx.stream('retry'), batch, { expected: 0n });
      await ctx.store.append(ctx.stream('retry'), someEvents(1), { expected: 2n });
      // when
      const retry = await ctx.store.append(ctx.stream('retry'), batch, { expected: 0n });
      // then
      expect(retry).toEqual(first);
      expect(await revisionsOf(ctx.store, ctx.stream('retry'))).toEqual([0n, 1n, 2n, 3n]);
    });
  });
}
