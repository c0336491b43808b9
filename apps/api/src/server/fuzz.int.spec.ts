import Database from 'better-sqlite3';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_BPMN_DIR, startTestApi, type Answer, type TestApi } from '../testing/test-api';

/**
 * Fuzzing of the api's doors (docs/reliability.md): deploy bodies, variables and query strings
 * from fast-check never get a 5xx, a 4xx writes nothing to the store, and the process stays up
 * with bounded memory. `BANJIE_FUZZ_RUNS` (default 40 per property) runs it longer; a failure
 * prints fast-check's seed and shrunk input, to replay with `seed` and `path`.
 */
const RUNS = Number(process.env['BANJIE_FUZZ_RUNS'] ?? 40);
const FIXTURE_XML = readFileSync(join(FIXTURE_BPMN_DIR, 'linfen-api-fixture.bpmn'), 'utf8');
/** Bodies that answered 500 before the input limits of issue #16 (docs/reliability.md), always tried. */
const ONCE_500 = ['{"definitionKey":"api-fixture-approval","variables":{"x":1e400}}', `{"variables":${'['.repeat(3000)}${']'.repeat(3000)}}`, '{"definitionKey":"api-fixture-approval","variables":{"__proto__":{"admin":true}}}'];
/** Memory the api may grow by over the whole run (it serves every input from one process). */
const RSS_GROWTH_LIMIT_MIB = 400;

describe('fuzzed input at the api doors', () => {
  let api: TestApi;
  let designer: string;
  let applicant: string;
  let clerk: string;
  let rssBefore: number;
  const tried = { deploys: 0, variables: 0, rawBodies: 0, queries: 0 };

  beforeAll(async () => {
    api = await startTestApi();
    designer = await api.login('lf-designer');
    applicant = await api.login('lf-applicant');
    clerk = await api.login('lf-clerk');
    rssBefore = process.memoryUsage().rss;
  });

  afterAll(async () => {
    process.stdout.write(`fuzzed: ${JSON.stringify(tried)}, RSS grew ${Math.round((process.memoryUsage().rss - rssBefore) / 2 ** 20)} MiB\n`);
    await api.stop({ removeData: true });
  });

  function storeHead(): number {
    const db = new Database(join(api.dataDir, 'events.sqlite'), { readonly: true });
    const head = (db.prepare('SELECT MAX(position) AS p FROM events').get() as { p: number | null }).p ?? 0;
    db.close();
    return head;
  }

  /** Sends a request and checks the doors' promises: no 5xx, nothing written on a 4xx. */
  async function probe(send: () => Promise<Answer>, describe: string): Promise<Answer> {
    const before = storeHead();
    const answer = await send();
    if (answer.status >= 500) throw new Error(`${answer.status} for ${describe.slice(0, 2000)}: ${JSON.stringify(answer.body)}`);
    if (answer.status >= 400 && storeHead() !== before) throw new Error(`a ${answer.status} wrote to the store for ${describe.slice(0, 2000)}`);
    return answer;
  }

  it('answers every deploy body with a 2xx or a 4xx naming the problem, writing nothing on a 4xx', async () => {
    // given bodies from plain JSON to mutated models with forms
    const mutatedXml = fc
      .tuple(fc.nat({ max: FIXTURE_XML.length }), fc.nat({ max: 200 }), fc.string({ maxLength: 40 }))
      .map(([at, cut, insert]) => FIXTURE_XML.slice(0, at) + insert + FIXTURE_XML.slice(Math.min(FIXTURE_XML.length, at + cut)));
    const body = fc.oneof(
      fc.jsonValue().map((value) => ({ json: value })),
      fc.record({ xml: fc.oneof(mutatedXml, fc.string(), fc.constant(FIXTURE_XML)), forms: fc.option(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })), { nil: undefined }) }).map((value) => ({ json: value })),
      fc.oneof(mutatedXml, fc.string()).map((raw) => ({ xml: raw })),
    );

    // when / then
    await fc.assert(
      fc.asyncProperty(body, async (input) => {
        tried.deploys++;
        const answer = await probe(
          () => ('xml' in input ? api.call('POST', '/api/definitions', { token: designer, raw: input.xml, contentType: 'application/xml' }) : api.call('POST', '/api/definitions', { token: designer, raw: JSON.stringify(input.json) })),
          JSON.stringify(input),
        );
        if (answer.status >= 400) expect(answer.body).toEqual(expect.objectContaining({ error: expect.any(String), message: expect.any(String) }));
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it('answers every set of variables (start, task completion, message) with a 2xx or a 4xx, writing nothing on a 4xx', async () => {
    // given variables of every JSON shape, with awkward names
    const name = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('toString', 'hasOwnProperty', 'valueOf', 'constructor', 'businessKey', '', ' ', 'a.b', '中文'));
    const variables = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(name, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 12 }));
    const started = await api.call('POST', '/api/cases', { token: applicant, body: { definitionKey: 'api-fixture-approval', businessKey: 'LF-FUZZ' } });
    expect(started.status).toBe(201);

    // when / then
    await fc.assert(
      fc.asyncProperty(variables, fc.constantFrom('start', 'complete', 'message'), async (vars, door) => {
        tried.variables++;
        if (door === 'start') {
          await probe(() => api.call('POST', '/api/cases', { token: applicant, body: { definitionKey: 'api-fixture-approval', variables: vars } }), JSON.stringify(vars));
        } else if (door === 'message') {
          await probe(() => api.call('POST', '/api/messages', { token: clerk, body: { name: 'NoSuchMessage', correlationKey: 'LF-FUZZ', variables: vars } }), JSON.stringify(vars));
        } else {
          const tasks = await api.call('GET', '/api/tasks?scope=candidate&limit=1', { token: clerk });
          const task = (tasks.body as { id: string }[])[0];
          if (task) await probe(() => api.call('POST', `/api/tasks/${task.id}/complete`, { token: clerk, body: { variables: vars } }), JSON.stringify(vars));
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it('answers every raw body of a case start (text, broken JSON, odd numbers) with a 2xx or a 4xx', async () => {
    // given texts that are almost JSON
    const numberLiteral = fc.constantFrom('1e308', '-0', '0.1e-400', '123456789012345678901234567890', '0x10', 'NaN', 'Infinity');
    const raw = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue().map((value) => JSON.stringify(value).slice(0, -1)),
      numberLiteral.map((n) => `{"definitionKey":"api-fixture-approval","variables":{"n":${n}}}`),
      fc.nat({ max: 200 }).map((depth) => `{"definitionKey":"api-fixture-approval","variables":{"deep":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}`),
      fc.constantFrom(...ONCE_500),
    );

    // when / then
    await fc.assert(
      fc.asyncProperty(raw, async (text) => {
        tried.rawBodies++;
        await probe(() => api.call('POST', '/api/cases', { token: applicant, raw: text }), text);
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it('answers every query string of the lists with a 2xx or a 4xx', async () => {
    // given known parameter names and random ones, with any values, repeated or not
    const key = fc.oneof(fc.constantFrom('zoneId', 'definitionKey', 'status', 'businessKey', 'applicant', 'warning', 'startedFrom', 'startedTo', 'sort', 'limit', 'cursor', 'scope', 'revision'), fc.string({ maxLength: 10 }));
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constantFrom('-1', '0', '501', '1e400', 'NaN', '2026-02-30', '__proto__', '%', '%zz'));
    const query = fc.array(fc.tuple(key, value), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v === '%' || v === '%zz' ? v : encodeURIComponent(v)}`).join('&'));
    const path = fc.constantFrom('/api/cases', '/api/tasks', '/api/definitions', '/api/incidents', '/api/stats', '/api/jobs');

    // when / then
    await fc.assert(
      fc.asyncProperty(path, query, async (p, q) => {
        tried.queries++;
        await probe(() => api.call('GET', `${p}?${q}`, { token: clerk }), `${p}?${q}`);
      }),
      { numRuns: RUNS * 2 },
    );
  }, 300_000);

  it('stays up with bounded memory after all of it', async () => {
    // when
    const health = await api.call('GET', '/api/health');

    // then
    expect(health.status).toBe(200);
    expect((process.memoryUsage().rss - rssBefore) / 2 ** 20).toBeLessThan(RSS_GROWTH_LIMIT_MIB);
  });
});
