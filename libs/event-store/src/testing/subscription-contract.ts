import { describe, expect, it } from '@jest/globals';
import type { ContractContext } from './contract-context';
import { collect, someEvents } from './contract-helpers';
import { probeSubscription } from './subscription-probe';

/** `subscribeToAll`: resumption after a saved position, one caughtUp, gap-free live delivery. */
export function subscriptionContract(ctx: ContractContext): void {
  describe('subscribeToAll', () => {
    it('resumes exactly after a saved position, then reports caughtUp once', async () => {
      // given
      await ctx.store.append(ctx.stream('case'), someEvents(3), { expected: 'no_stream' });
      const [, saved, last] = await collect(ctx.store.readAll({ filter: ctx.onlyThisTest() }));
      // when
      const probe = probeSubscription(ctx.store, { after: saved.position, filter: ctx.onlyThisTest() });
      await probe.caughtUp();
      await probe.stop();
      // then
      expect(probe.log.beforeCaughtUp.map((one) => one.id)).toEqual([last.id]);
      expect(probe.log.caughtUpCount).toBe(1);
    });

    it('delivers exactly what readAll returns while several writers append', async () => {
      // given
      await ctx.store.append(ctx.stream('before'), someEvents(3), { expected: 'no_stream' });
      const probe = probeSubscription(ctx.store, { filter: ctx.onlyThisTest() });
      await probe.caughtUp();
      // when
      const writers = Array.from({ length: 5 }, (_, writer) =>
        (async () => {
          for (let i = 0; i < 8; i++) await ctx.store.append(ctx.stream(`writer-${writer}`), someEvents(1 + (i % 3)), { expected: 'any' });
        })(),
      );
      await Promise.all(writers);
      const all = await collect(ctx.store.readAll({ filter: ctx.onlyThisTest() }));
      await probe.until(all.length - 3);
      await probe.stop();
      // then
      const delivered = [...probe.log.beforeCaughtUp, ...probe.log.afterCaughtUp];
      expect(delivered.map((one) => one.position)).toEqual(all.map((one) => one.position));
      expect(probe.log.caughtUpCount).toBe(1);
    });

    it('delivers live events field for field as readAll returns them', async () => {
      // given
      const probe = probeSubscription(ctx.store, { filter: ctx.onlyThisTest() });
      await probe.caughtUp();
      // when
      for (let i = 0; i < 6; i++) {
        await ctx.store.append(ctx.stream(`case-${i % 2}`), someEvents(3).map((one) => ({ ...one, metadata: { actor: { id: 'clerk' }, i } })), { expected: 'any' });
      }
      await probe.until(18);
      await probe.stop();
      // then
      expect(probe.log.afterCaughtUp).toEqual(await collect(ctx.store.readAll({ filter: ctx.onlyThisTest() })));
    });

    it('gives a subscriber that stops pulling for a long while every event once, in order', async () => {
      // given
      const { position } = await ctx.store.append(ctx.stream('before'), someEvents(1), { expected: 'no_stream' });
      const controller = new AbortController();
      const subscription = ctx.store.subscribeToAll({ after: position, filter: ctx.onlyThisTest(), signal: controller.signal })[Symbol.asyncIterator]();
      expect((await subscription.next()).value).toEqual({ kind: 'caughtUp', position });
      const first = subscription.next();
      // when: it takes one event, then many commits go by before it pulls again
      for (let i = 0; i < 12; i++) await ctx.store.append(ctx.stream(`case-${i % 3}`), someEvents(8), { expected: 'any' });
      const delivered = [(await first).value];
      while (delivered.length < 96) delivered.push((await subscription.next()).value);
      controller.abort();
      // then
      const all = await collect(ctx.store.readAll({ after: position, filter: ctx.onlyThisTest() }));
      expect(delivered).toEqual(all.map((event) => ({ kind: 'event', event })));
    });
  });
}
