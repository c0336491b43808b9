import { ApiError, ApiMetrics, type ApiConfig, type CaseCommands, type Clock, type DefinitionRegistry } from '@banjie/api-core';
import type { DefinitionList, ProjectionRunner, SignalSubscriptions } from '@banjie/api-projections';
import type { EngineEventData } from '@banjie/engine';
import { createMemoryEventStore, type EventStore } from '@banjie/event-store';
import type { CommandBus } from '@nestjs/cqrs';
import Database from 'better-sqlite3';
import { CorrelateMessageCommand } from '../correlate-message/correlate-message.command';
import { CaseMessageDispatcher } from './case-message-dispatcher';

const SENT: EngineEventData['MessageSent'] = { messageName: 'PermitIssued', correlationKey: 'P-1', elementId: 'Send_Issued', variables: { issuedPermit: 'P-1' }, at: '2026-03-02T01:00:00.000Z' };

/** The dispatcher on a memory store and an in-memory buffer, with a command bus the test scripts. */
function dispatcherWith(
  store: EventStore,
  db: Database.Database,
  metrics: ApiMetrics,
  correlate: (command: CorrelateMessageCommand) => Promise<{ caseIds: string[] }>,
  now = '2026-03-02T01:00:00.000Z',
): CaseMessageDispatcher {
  const clock: Clock = { mode: 'manual', now: () => now };
  const commandBus = { execute: (command: CorrelateMessageCommand) => correlate(command) } as unknown as CommandBus;
  // the read models hold everything: the dispatcher does not wait for them
  const projections = { projectedPosition: '999999999', waitFor: () => Promise.resolve() } as unknown as ProjectionRunner;
  return new CaseMessageDispatcher(
    store,
    db,
    clock,
    { messageTtlSeconds: 3600 } as ApiConfig,
    commandBus,
    {} as CaseCommands,
    projections,
    { waitingCases: () => [] } as unknown as SignalSubscriptions,
    { latest: () => [] } as unknown as DefinitionList,
    {} as DefinitionRegistry,
    metrics,
    { retryDelayMs: 5, maxRetryDelayMs: 20, sweepMs: 60_000 },
  );
}

async function metric(metrics: ApiMetrics, name: string): Promise<number> {
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)`, 'm').exec(await metrics.registry.metrics())?.[1] ?? 0);
}

async function until(ok: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
}

describe('CaseMessageDispatcher', () => {
  it('retries a message whose delivery fails, with back-off, counting each failure, and never goes past it', async () => {
    // given a dispatcher whose first three deliveries fail
    const store = createMemoryEventStore();
    const db = new Database(':memory:');
    const metrics = new ApiMetrics();
    const attempts: CorrelateMessageCommand[] = [];
    const dispatcher = dispatcherWith(store, db, metrics, async (command) => {
      attempts.push(command);
      if (attempts.length <= 3) throw new Error('the store is not answering');
      return { caseIds: ['case-b'] };
    });
    dispatcher.start();
    try {
      // when a case of Linfen sends a message, and then another one
      await store.append('case-a', [{ type: 'MessageSent', data: SENT, metadata: { zoneId: 'lf', correlationId: 'req-1' } }], { expected: 'no_stream' });
      await store.append('case-c', [{ type: 'MessageSent', data: { ...SENT, correlationKey: 'P-2' }, metadata: { zoneId: 'lf', correlationId: 'req-2' } }], { expected: 'no_stream' });
      await until(() => attempts.length >= 5);

      // then the first message was tried four times, always as the same delivery in its sender's zone, before the second one
      expect(attempts.map((c) => c.correlationKey)).toEqual(['P-1', 'P-1', 'P-1', 'P-1', 'P-2']);
      expect(new Set(attempts.slice(0, 4).map((c) => c.deliveryId)).size).toBe(1);
      expect(attempts.map((c) => c.actor.zoneId)).toEqual(['lf', 'lf', 'lf', 'lf', 'lf']);
      expect(attempts[0].deliveryId).not.toEqual(attempts[4].deliveryId);
      expect(await metric(metrics, 'banjie_case_message_failures_total')).toBe(3);
      expect(await metric(metrics, 'banjie_case_messages_delivered_total')).toBe(2);
    } finally {
      await dispatcher.stop();
      db.close();
      await store.close();
    }
  });

  it('keeps a message no case waits for until its time to live ends, then drops it', async () => {
    // given a dispatcher where no case waits for anything
    const store = createMemoryEventStore();
    const db = new Database(':memory:');
    const metrics = new ApiMetrics();
    let tried = 0;
    const dispatcher = dispatcherWith(store, db, metrics, async (command) => {
      tried++;
      throw ApiError.notFound(`No case waits for message ${command.name}`);
    });
    dispatcher.start();
    try {
      // when a case sends a message
      await store.append('case-a', [{ type: 'MessageSent', data: SENT, metadata: { zoneId: 'lf' } }], { expected: 'no_stream' });
      const kept = () => (db.prepare('SELECT COUNT(*) AS n FROM message_buffer').get() as { n: number }).n;
      await until(() => tried === 1 && kept() === 1);

      // then it is kept until an hour after it was sent
      expect(db.prepare('SELECT message_name, correlation_key, zone_id, expires_at FROM message_buffer').all()).toEqual([
        { message_name: 'PermitIssued', correlation_key: 'P-1', zone_id: 'lf', expires_at: '2026-03-02T02:00:00.000Z' },
      ]);
      expect(await metric(metrics, 'banjie_case_messages_kept')).toBe(1);
    } finally {
      await dispatcher.stop();
      await store.close();
    }

    // when the clock reaches its time to live (after a restart)
    const laterMetrics = new ApiMetrics();
    const later = dispatcherWith(createMemoryEventStore(), db, laterMetrics, () => Promise.resolve({ caseIds: [] }), '2026-03-02T02:00:00.000Z');
    later.dropExpired();

    // then it is dropped and counted
    expect(db.prepare('SELECT COUNT(*) AS n FROM message_buffer').get()).toEqual({ n: 0 });
    expect(await metric(laterMetrics, 'banjie_case_messages_dropped_total')).toBe(1);
    db.close();
  });
});
