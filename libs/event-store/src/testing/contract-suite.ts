import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe } from '@jest/globals';
import { appendContract } from './append-contract';
import type { ContractContext, ContractSubject } from './contract-context';
import { readContract } from './read-contract';
import { subscriptionContract } from './subscription-contract';

export type { ContractSubject } from './contract-context';
export { collect } from './contract-helpers';

/**
 * The one contract every event-store adapter must pass, called from each adapter's spec. Each
 * test uses fresh stream names, so the suite also runs against a shared server (KurrentDB).
 */
export function runEventStoreContract(adapterName: string, factory: () => Promise<ContractSubject>): void {
  describe(`${adapterName} event store contract`, () => {
    const ctx = {
      prefix: '',
      stream: (name: string) => `${ctx.prefix}${name}`,
      onlyThisTest: () => ({ streamPrefix: [ctx.prefix] }),
    } as ContractContext;

    beforeEach(async () => {
      ctx.subject = await factory();
      ctx.store = ctx.subject.store;
      ctx.prefix = `contract${randomUUID().replaceAll('-', '')}-`;
    });

    afterEach(async () => {
      await ctx.store.close();
      await ctx.subject.cleanup();
    });

    appendContract(ctx);
    readContract(ctx);
    subscriptionContract(ctx);
  });
}
