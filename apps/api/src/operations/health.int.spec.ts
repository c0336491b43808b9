import { createMemoryEventStore } from '@banjie/event-store';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../testing/test-api';

describe('health while a read model is stopped', () => {
  let api: TestApi;

  afterEach(async () => {
    await api.stop({ removeData: true });
  });

  it('answers degraded, naming the read model, the event and the error, and counts it in the metrics', async () => {
    // given a store holding a case start the case list cannot store (its version is missing)
    const store = createMemoryEventStore();
    const metadata = { v: 1, zoneId: 'lf', actor: { id: 'lf-applicant', roles: ['applicant'], zoneId: 'lf' } };
    const { position } = await store.append(
      'case-poisoned',
      [{ type: 'CaseStarted', data: { caseId: 'poisoned', definitionKey: 'k', version: null, zoneId: 'lf', businessKey: 'BK', variables: {}, startedAt: '2026-02-09T01:00:00.000Z' }, metadata }],
      { expected: 'no_stream' },
    );

    // when the api starts on it
    api = await startTestApi({ BANJIE_STORE: 'memory', BANJIE_SEED_DEMO: 'false' }, undefined, store);
    const health = await api.call('GET', '/api/health');
    const metrics = await api.call('GET', '/api/metrics');

    // then
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'degraded',
      store: 'memory',
      projections: {
        stopped: [
          {
            name: 'cases',
            checkpoint: null,
            event: { stream: 'case-poisoned', revision: 0, position, type: 'CaseStarted' },
            error: expect.stringContaining('NOT NULL constraint failed: cases.version'),
            attempts: expect.any(Number),
          },
        ],
      },
    });
    expect(metrics.body).toContain('banjie_projection_stopped{projection="cases"} 1');
    expect(metrics.body).toMatch(/banjie_projection_failures_total\{projection="cases"\} [1-9]/);
  });
});

describe('health and commands while the store cannot write', () => {
  const faultFile = join(tmpdir(), `banjie-fault-${process.pid}`);
  let api: TestApi;

  beforeAll(() => {
    process.env['BANJIE_FAULT_INJECT'] = faultFile;
  });

  afterAll(async () => {
    delete process.env['BANJIE_FAULT_INJECT'];
    rmSync(faultFile, { force: true });
    await api.stop({ removeData: true });
  });

  it('answers 503 store_unavailable without acknowledging, keeps reads, says degraded, and carries on once the disk recovers', async () => {
    // given a running api whose fsync starts failing
    api = await startTestApi();
    const token = await api.login('lf-applicant');
    writeFileSync(faultFile, 'eio');

    // when a case is started
    const refused = await api.call('POST', '/api/cases', { token, body: { definitionKey: 'api-fixture-approval', businessKey: 'LF-EIO' } });

    // then it is refused as retryable, reads go on, and health says why
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: 'store_unavailable' });
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await api.call('GET', '/api/cases?businessKey=LF-EIO', { token })).body).toEqual([]);
    const degraded = await api.call('GET', '/api/health');
    expect(degraded.body).toMatchObject({ status: 'degraded', storeWrites: { ok: false, failingSince: expect.any(String), error: expect.stringContaining('SQLITE_IOERR_FSYNC') } });

    // when the fault is gone and the client retries
    writeFileSync(faultFile, '');
    const retried = await api.call('POST', '/api/cases', { token, body: { definitionKey: 'api-fixture-approval', businessKey: 'LF-EIO' } });

    // then the case exists once and health is ok again
    expect(retried.status).toBe(201);
    expect((await api.call('GET', '/api/cases?businessKey=LF-EIO', { token })).body).toHaveLength(1);
    expect((await api.call('GET', '/api/health')).body).toMatchObject({ status: 'ok', storeWrites: { ok: true } });
  });
});
