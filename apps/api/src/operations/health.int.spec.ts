import { createMemoryEventStore } from '@banjie/event-store';
import { startTestApi, type TestApi } from '../testing/test-api';

describe('health while a read model is stopped', () => {
  let api: TestApi;

  afterEach(async () => {
    await api.stop({ removeData: true });
  });

  it('answers degraded, naming the read model, the event and the error, and counts it in the metrics', async () => {
    // given a store holding a case start the case list cannot store (its version is not a number)
    const store = createMemoryEventStore();
    const metadata = { v: 1, zoneId: 'lf', actor: { id: 'lf-applicant', roles: ['applicant'], zoneId: 'lf' } };
    const { position } = await store.append(
      'case-poisoned',
      [{ type: 'CaseStarted', data: { caseId: 'poisoned', definitionKey: 'k', version: 'one', zoneId: 'lf', businessKey: 'BK', variables: {}, startedAt: '2026-02-09T01:00:00.000Z' }, metadata }],
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
