import { randomUUID } from 'node:crypto';
import { startTestApi, type TestApi } from '../testing/test-api';

const KEY = 'api-fixture-approval';

describe('Idempotency-Key on POST', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  async function casesWithBusinessKey(businessKey: string): Promise<string[]> {
    const list = await api.call('GET', `/api/cases?businessKey=${encodeURIComponent(businessKey)}&limit=500`, { token: await api.login('lf-clerk') });
    return (list.body as Array<{ id: string; businessKey?: string }>).filter((c) => c.businessKey === businessKey).map((c) => c.id);
  }

  it('answers a retry with the first answer, without starting a second case', async () => {
    // given
    const token = await api.login('lf-applicant');
    const key = randomUUID();
    const businessKey = `idem-${key}`;
    const body = { definitionKey: KEY, businessKey };

    // when the same start is sent twice with one key
    const first = await api.call('POST', '/api/cases', { token, body, headers: { 'Idempotency-Key': key } });
    const retry = await api.call('POST', '/api/cases', { token, body, headers: { 'Idempotency-Key': key } });

    // then
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await casesWithBusinessKey(businessKey)).toEqual([first.body.id]);
  });

  it('refuses the same key with another body as idempotency_key_reused', async () => {
    // given
    const token = await api.login('lf-applicant');
    const key = randomUUID();
    await api.call('POST', '/api/cases', { token, body: { definitionKey: KEY, businessKey: `a-${key}` }, headers: { 'Idempotency-Key': key } });

    // when
    const other = await api.call('POST', '/api/cases', { token, body: { definitionKey: KEY, businessKey: `b-${key}` }, headers: { 'Idempotency-Key': key } });

    // then
    expect([other.status, other.body.error]).toEqual([422, 'idempotency_key_reused']);
    expect(await casesWithBusinessKey(`b-${key}`)).toEqual([]);
  });

  it('keeps keys per user: another user with the same key runs their own request', async () => {
    // given
    const key = randomUUID();
    const mine = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), body: { definitionKey: KEY, businessKey: `u1-${key}` }, headers: { 'Idempotency-Key': key } });

    // when
    const theirs = await api.call('POST', '/api/cases', { token: await api.login('lf-clerk'), body: { definitionKey: KEY, businessKey: `u2-${key}` }, headers: { 'Idempotency-Key': key } });

    // then
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('answers duplicates sent at once with 409 or the first answer, and runs it once', async () => {
    // given
    const token = await api.login('lf-applicant');
    const key = randomUUID();
    const businessKey = `race-${key}`;
    const send = () => api.call('POST', '/api/cases', { token, body: { definitionKey: KEY, businessKey }, headers: { 'Idempotency-Key': key } });

    // when eight are sent at once
    const answers = await Promise.all(Array.from({ length: 8 }, send));

    // then one ran; the others got 409 while it ran, or its answer after
    expect(answers.every((a) => a.status === 201 || (a.status === 409 && a.body.error === 'conflict'))).toBe(true);
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id)).size).toBe(1);
    expect((await casesWithBusinessKey(businessKey)).length).toBe(1);
  });

  it('lets a request that failed run again with its key: a 4xx changed nothing', async () => {
    // given
    const token = await api.login('lf-applicant');
    const key = randomUUID();
    const failed = await api.call('POST', '/api/cases', { token, body: { definitionKey: 'no-such-flow' }, headers: { 'Idempotency-Key': key } });

    // when
    const again = await api.call('POST', '/api/cases', { token, body: { definitionKey: 'no-such-flow' }, headers: { 'Idempotency-Key': key } });

    // then
    expect(failed.status).toBe(404);
    expect(again.status).toBe(404);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a key that is not 1 to 255 visible characters', async () => {
    // when
    const answer = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), body: { definitionKey: KEY }, headers: { 'Idempotency-Key': 'x'.repeat(256) } });

    // then
    expect([answer.status, answer.body.error]).toEqual([400, 'bad_request']);
    expect(answer.body.message).toMatch(/Idempotency-Key/);
  });
});

describe('Idempotency-Key across a restart', () => {
  it('gives the first answer to a retry after the api restarted', async () => {
    // given a case started with a key, and the api restarted on the same data
    const first = await startTestApi();
    const key = randomUUID();
    const body = { definitionKey: KEY, businessKey: `restart-${key}` };
    const answered = await first.call('POST', '/api/cases', { token: await first.login('lf-applicant'), body, headers: { 'Idempotency-Key': key } });
    await first.stop();
    const second = await startTestApi({}, first.dataDir);
    try {
      // when the client retries
      const retry = await second.call('POST', '/api/cases', { token: await second.login('lf-applicant'), body, headers: { 'Idempotency-Key': key } });
      const list = await second.call('GET', `/api/cases?limit=500`, { token: await second.login('lf-clerk') });

      // then
      expect(answered.status).toBe(201);
      expect([retry.status, retry.body.id]).toEqual([201, answered.body.id]);
      expect((list.body as Array<{ businessKey?: string }>).filter((c) => c.businessKey === body.businessKey).length).toBe(1);
    } finally {
      await second.stop({ removeData: true });
    }
  });
});
