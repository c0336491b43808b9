import { createMemoryEventStore } from '@banjie/event-store';
import jwt from 'jsonwebtoken';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_BPMN_DIR, startTestApi, type TestApi } from '../testing/test-api';

const FIXTURE_XML = readFileSync(join(FIXTURE_BPMN_DIR, 'linfen-api-fixture.bpmn'), 'utf8');
const KEY = 'api-fixture-approval';
/** What the form of the fixture's first task requires. */
const WINDOW_CHECK = { applicantName: '临汾市某建设公司', complete: true, tier: '1' };

/** The fixture model (without its form) under another process id, padded with `bytes` of documentation. */
function paddedModel(processId: string, bytes: number): string {
  return FIXTURE_XML.replace('<zeebe:formDefinition formId="window-check" />', '').replace(`id="${KEY}"`, `id="${processId}"`).replace('<bpmn:startEvent id="Start_Application" name="申请">', `<bpmn:startEvent id="Start_Application" name="申请">\n      <bpmn:documentation>${'办结'.repeat(Math.ceil(bytes / 6))}</bpmn:documentation>`);
}

/** `{"a":{"a":…1…}}` nested `levels` deep, as text (JSON.stringify of such a value is what a client sends). */
function nested(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

describe('the doors of the api: limits before parsing, variable names, tokens', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  describe('limits checked on the text, before it becomes objects', () => {
    it('refuses JSON nested 3,000 levels with a 400 naming the depth limit', async () => {
      // when
      const answer = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), raw: `{"definitionKey":"${KEY}","variables":${nested(3000)}}` });

      // then: refused, and the server still answers its health check
      expect([answer.status, answer.body.error]).toEqual([400, 'bad_request']);
      expect(answer.body.message).toMatch(/nested deeper than 64 levels/);
      expect((await api.call('GET', '/api/health')).status).toBe(200);
    });

    it('refuses a number beyond the doubles with a 400 naming it', async () => {
      // when
      const answer = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), raw: `{"definitionKey":"${KEY}","variables":{"x":1e400}}` });

      // then
      expect([answer.status, answer.body.error]).toEqual([400, 'bad_request']);
      expect(answer.body.message).toMatch(/number 1e400 is out of range/);
    });

    it('refuses a body with 90,000 keys with a 400 naming the key limit', async () => {
      // given
      const keys = Array.from({ length: 90_000 }, (_, i) => `"k${i}":1`).join(',');

      // when
      const answer = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), raw: `{"definitionKey":"${KEY}","variables":{${keys}}}` });

      // then: refused, and the server still answers its health check
      expect([answer.status, answer.body.error]).toEqual([400, 'bad_request']);
      expect(answer.body.message).toMatch(/more than 10000 keys/);
      expect((await api.call('GET', '/api/health')).status).toBe(200);
    });

    it('refuses more than 1,000 variables in one command', async () => {
      // given
      const variables = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`v${i}`, i]));

      // when
      const answer = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), body: { definitionKey: KEY, variables } });

      // then
      expect([answer.status, answer.body.error]).toEqual([400, 'bad_request']);
      expect(answer.body.message).toMatch(/Too many variables: 1001, over the limit of 1000/);
    });

    it('answers a body over 1 MiB with a 413 naming the limit', async () => {
      // when
      const answer = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), body: { definitionKey: KEY, variables: { scan: 'x'.repeat(1024 * 1024) } } });

      // then
      expect([answer.status, answer.body.error]).toEqual([413, 'payload_too_large']);
      expect(answer.body.message).toMatch(/limit of 1 MiB/);
    });

    it('refuses forms with a "__proto__" key with a 400 naming it', async () => {
      // when
      const answer = await api.call('POST', '/api/definitions', {
        token: await api.login('lf-designer'),
        raw: `{"xml":${JSON.stringify(paddedModel('doors-proto', 10))},"forms":{"__proto__":{"components":[]}}}`,
      });

      // then
      expect([answer.status, answer.body.error]).toEqual([400, 'bad_request']);
      expect(answer.body.message).toMatch(/"__proto__" is not allowed/);
    });

    it('deploys a model of 2 MiB: the store takes what the contract accepts', async () => {
      // given
      const xml = paddedModel('doors-two-mib', 2 * 1024 * 1024);
      expect(Buffer.byteLength(xml)).toBeGreaterThan(2 * 1024 * 1024);

      // when
      const answer = await api.call('POST', '/api/definitions', { token: await api.login('lf-designer'), raw: xml, contentType: 'application/xml' });
      const read = await api.call('GET', '/api/definitions/doors-two-mib', { token: await api.login('lf-designer') });

      // then
      expect([answer.status, answer.body.key]).toEqual([201, 'doors-two-mib']);
      expect(read.body.xml).toBe(xml);
    });

    it('refuses a model of 100,000 nested elements with a 422 naming the depth limit, and stores nothing', async () => {
      // given
      const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:x="urn:deep" id="d" targetNamespace="t"><bpmn:process id="doors-deep" isExecutable="true"><bpmn:extensionElements>${'<x:n>'.repeat(100_000)}${'</x:n>'.repeat(100_000)}</bpmn:extensionElements><bpmn:startEvent id="s" /></bpmn:process></bpmn:definitions>`;

      // when
      const answer = await api.call('POST', '/api/definitions', { token: await api.login('lf-designer'), raw: xml, contentType: 'application/xml' });
      const read = await api.call('GET', '/api/definitions/doors-deep', { token: await api.login('lf-designer') });

      // then
      expect(answer.status).toBe(422);
      expect(JSON.stringify(answer.body)).toContain('nests elements deeper than 100 levels');
      expect(read.status).toBe(404);
      expect((await api.call('GET', '/api/health')).status).toBe(200);
    });

    it('starts a case of a flow whose script task loops ten million times with an incident on that task, and stays healthy', async () => {
      // given a deployed flow whose script task is "=for i in 1..10000000 return i" (issue 16, finding 4)
      const xml = `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t"><bpmn:process id="doors-feel-loop" isExecutable="true"><bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Loop" /><bpmn:scriptTask id="Loop"><bpmn:extensionElements><zeebe:script expression="=for i in 1..10000000 return i" resultVariable="items" /></bpmn:extensionElements><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:scriptTask><bpmn:sequenceFlow id="F2" sourceRef="Loop" targetRef="End" /><bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent></bpmn:process></bpmn:definitions>`;
      const deployed = await api.call('POST', '/api/definitions', { token: await api.login('lf-designer'), raw: xml, contentType: 'application/xml' });
      expect(deployed.status).toBe(201);

      // when a case of it starts
      const started = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), body: { definitionKey: 'doors-feel-loop' } });

      // then the case is there, held by an incident on the script task that names the budget, and health answers
      expect([started.status, started.body.status]).toEqual([201, 'active']);
      expect(started.body.incidents.map((i: { elementId: string }) => i.elementId)).toEqual(['Loop']);
      expect(started.body.incidents[0].message).toMatch(/over its budget, it iterates over more than 100000 items/);
      expect((await api.call('GET', '/api/health')).status).toBe(200);
    });
  });

  describe('variables named like the members of every object', () => {
    const names = { toString: 'ts', hasOwnProperty: true, valueOf: 2, constructor: 'c', prototype: { toString: 'nested' } };

    it('keeps them through start, task completion and the case view', async () => {
      // given a case started with them, and its first task claimed
      const applicant = await api.login('lf-applicant');
      const clerk = await api.login('lf-clerk');
      const started = await api.call('POST', '/api/cases', { token: applicant, body: { definitionKey: KEY, variables: names } });
      const taskId = started.body.tasks[0].id as string;
      expect((await api.call('POST', `/api/tasks/${taskId}/claim`, { token: clerk })).status).toBe(200);

      // when the task completes with new values of two of them
      const completed = await api.call('POST', `/api/tasks/${taskId}/complete`, { token: clerk, body: { variables: { ...WINDOW_CHECK, toString: 'changed', valueOf: 3 } } });
      const view = await api.call('GET', `/api/cases/${started.body.id}`, { token: clerk });

      // then every one is there, with its latest value
      expect(completed.status).toBe(200);
      expect(view.body.variables).toMatchObject({ toString: 'changed', hasOwnProperty: true, valueOf: 3, constructor: 'c', prototype: { toString: 'nested' } });
    });

    it('refuses a variable named "__proto__" with a 400 naming it', async () => {
      // when
      const answer = await api.call('POST', '/api/cases', { token: await api.login('lf-applicant'), raw: `{"definitionKey":"${KEY}","variables":{"__proto__":{"admin":true}}}` });

      // then
      expect([answer.status, answer.body.error]).toEqual([400, 'bad_request']);
      expect(answer.body.message).toMatch(/"__proto__"/);
    });
  });

  describe('access tokens', () => {
    const secret = () => api.running.config.jwtSecret;

    /** The claims of a fresh token of the user, without `exp`, `iat` and `iss`. */
    async function claimsOf(username: string): Promise<Record<string, unknown>> {
      const login = await api.call('POST', '/api/auth/login', { body: { username, password: 'banjie' } });
      const claims = jwt.decode(login.body.accessToken) as Record<string, unknown>;
      for (const timeOrIssuer of ['exp', 'iat', 'iss']) delete claims[timeOrIssuer];
      return claims;
    }

    it('refuses a well-signed token without an expiry', async () => {
      // given the claims of a real token, signed again without exp
      const claims = await claimsOf('lf-leader');
      const forever = jwt.sign(claims, secret(), { algorithm: 'HS256', issuer: 'banjie' });

      // when
      const answer = await api.call('GET', '/api/cases', { token: forever });

      // then
      expect([answer.status, answer.body.error]).toEqual([401, 'unauthenticated']);
    });

    it('refuses a well-signed token of a user that does not exist', async () => {
      // given
      const claims = await claimsOf('lf-leader');
      const ghost = jwt.sign({ ...claims, sub: 'nobody-here' }, secret(), { algorithm: 'HS256', expiresIn: 600, issuer: 'banjie' });

      // when
      const answer = await api.call('GET', '/api/cases', { token: ghost });

      // then
      expect([answer.status, answer.body.error]).toEqual([401, 'unauthenticated']);
      expect(answer.body.message).toMatch(/does not exist/);
    });

    it('ends the token on logout, and only it: another session and a new sign-in work', async () => {
      // given two sessions of one user
      const signIn = async () => (await api.call('POST', '/api/auth/login', { body: { username: 'lf-agent', password: 'banjie' } })).body.accessToken as string;
      const token = await signIn();
      const otherSession = await signIn();
      expect((await api.call('GET', '/api/cases', { token })).status).toBe(200);

      // when the first signs out
      const logout = await api.call('POST', '/api/auth/logout', { token });
      const after = await api.call('GET', '/api/cases', { token });
      const again = await signIn();

      // then
      expect(logout.status).toBe(204);
      expect([after.status, after.body.error]).toEqual([401, 'unauthenticated']);
      expect(after.body.message).toMatch(/signed out/);
      expect((await api.call('GET', '/api/cases', { token: otherSession })).status).toBe(200);
      expect((await api.call('GET', '/api/cases', { token: again })).status).toBe(200);
    });
  });
});

describe('a change too large for the event store', () => {
  it('answers 413 and changes nothing, never 500', async () => {
    // given an api on a store that takes at most 256 KiB per append
    const api = await startTestApi({}, undefined, createMemoryEventStore({ maxAppendBytes: 256 * 1024 }));
    try {
      const applicant = await api.login('lf-applicant');
      const clerk = await api.login('lf-clerk');
      const started = await api.call('POST', '/api/cases', { token: applicant, body: { definitionKey: KEY } });
      const taskId = started.body.tasks[0].id as string;
      await api.call('POST', `/api/tasks/${taskId}/claim`, { token: clerk });

      // when the task completes with 600 KiB of variables (within the 1 MiB body limit)
      const answer = await api.call('POST', `/api/tasks/${taskId}/complete`, { token: clerk, body: { variables: { ...WINDOW_CHECK, scan: 'x'.repeat(600 * 1024) } } });
      const task = await api.call('GET', `/api/cases/${started.body.id}`, { token: clerk });

      // then
      expect([answer.status, answer.body.error]).toEqual([413, 'payload_too_large']);
      expect(answer.body.message).toMatch(/event store's limit/);
      expect(task.body.tasks.map((t: { id: string }) => t.id)).toContain(taskId);
    } finally {
      await api.stop({ removeData: true });
    }
  });
});

describe('the manual clock across a restart', () => {
  it('starts again where it was set, and goes on from there', async () => {
    // given an api on the manual clock, set to a day in 2030
    const first = await startTestApi({ BANJIE_CLOCK: 'manual' });
    const admin = await first.login('admin');
    const set = await first.call('POST', '/api/admin/clock', { token: admin, body: { now: '2030-01-15T09:00:00+08:00' } });
    expect(set.status).toBe(200);
    await first.stop();

    // when it restarts on the same data
    const second = await startTestApi({ BANJIE_CLOCK: 'manual' }, first.dataDir);
    try {
      const health = await second.call('GET', '/api/health');
      const started = await second.call('POST', '/api/cases', { token: await second.login('lf-applicant'), body: { definitionKey: KEY } });

      // then the clock reads what was set, and a case started now starts then
      expect(health.body.clock).toEqual({ mode: 'manual', now: '2030-01-15T01:00:00.000Z' });
      expect(started.body.startedAt).toBe('2030-01-15T01:00:00.000Z');
    } finally {
      await second.stop({ removeData: true });
    }
  });
});

describe('process keys of another zone', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it("neither overwrites nor shows a key of another zone: the same key deployed by another zone is that zone's own", async () => {
    // given the fixture key, deployed by lf at start, and a designer of cz
    const designer = await api.login('cz-designer');
    const before = await api.call('GET', `/api/definitions/${KEY}`, { token: await api.login('lf-designer') });

    // when the cz designer deploys a changed model under that key, then reads and lists definitions
    const deploy = await api.call('POST', '/api/definitions', { token: designer, raw: paddedModel(KEY, 10), contentType: 'application/xml' });
    const read = await api.call('GET', `/api/definitions/${KEY}`, { token: designer });
    const list = await api.call('GET', '/api/definitions', { token: designer });
    const after = await api.call('GET', `/api/definitions/${KEY}`, { token: await api.login('lf-designer') });

    // then lf's flow is untouched, and cz reads and lists only its own version 1
    expect([deploy.status, deploy.body.version]).toEqual([201, 1]);
    expect([read.status, read.body.zoneId, read.body.hash]).toEqual([200, 'cz', deploy.body.hash]);
    expect((list.body as Array<{ key: string; zoneId: string }>).filter((d) => d.key === KEY).map((d) => d.zoneId)).toEqual(['cz']);
    expect([after.body.version, after.body.hash, after.body.zoneId]).toEqual([before.body.version, before.body.hash, 'lf']);
  });
});

/** A valid model of `tasks` user tasks in a row: megabytes of elements to parse, compile and lint. */
function longModel(processId: string, tasks: number): string {
  const parts: string[] = [`<bpmn:startEvent id="S"><bpmn:outgoing>F0</bpmn:outgoing></bpmn:startEvent>`];
  for (let i = 0; i < tasks; i++) {
    parts.push(
      `<bpmn:sequenceFlow id="F${i}" sourceRef="${i === 0 ? 'S' : `T${i - 1}`}" targetRef="T${i}" />`,
      `<bpmn:userTask id="T${i}" name="审查 ${i}"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="window" /></bpmn:extensionElements><bpmn:incoming>F${i}</bpmn:incoming><bpmn:outgoing>F${i + 1}</bpmn:outgoing></bpmn:userTask>`,
    );
  }
  parts.push(`<bpmn:sequenceFlow id="F${tasks}" sourceRef="T${tasks - 1}" targetRef="E" />`, `<bpmn:endEvent id="E"><bpmn:incoming>F${tasks}</bpmn:incoming></bpmn:endEvent>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="https://banjie.example/doors">
<bpmn:process id="${processId}" name="长流程" isExecutable="true">${parts.join('\n')}</bpmn:process>
</bpmn:definitions>`;
}

describe('a large model compiles off the event loop', () => {
  let api: TestApi;

  beforeAll(async () => {
    // The built api always compiles in its worker; from the sources the worker is asked for.
    process.env['BANJIE_COMPILE_IN_WORKER'] = '1';
    api = await startTestApi();
  }, 120_000);

  afterAll(async () => {
    delete process.env['BANJIE_COMPILE_IN_WORKER'];
    await api.stop({ removeData: true });
  });

  it('answers /api/health while a model of megabytes deploys', async () => {
    // given a model of about 3.5 MiB, and the compile worker warmed up by a small deploy
    const designer = await api.login('lf-designer');
    await api.call('POST', '/api/definitions', { token: designer, raw: longModel('doors-warm-up', 2), contentType: 'application/xml' });
    const xml = longModel('doors-long', 12_000);
    expect(Buffer.byteLength(xml)).toBeGreaterThan(3 * 1024 * 1024);

    // when it deploys, and health is asked meanwhile
    let deployedAt = 0;
    const deploy = api.call('POST', '/api/definitions', { token: designer, raw: xml, contentType: 'application/xml' }).then((answer) => {
      deployedAt = performance.now();
      return answer;
    });
    const healthAnswers: Array<{ status: number; at: number; latencyMs: number }> = [];
    while (deployedAt === 0) {
      const asked = performance.now();
      const health = await api.call('GET', '/api/health');
      healthAnswers.push({ status: health.status, at: performance.now(), latencyMs: performance.now() - asked });
    }
    const deployed = await deploy;

    // then the model deployed, and health answered while it did
    expect(deployed.status).toBe(201);
    const during = healthAnswers.filter((h) => h.at < deployedAt && h.status === 200);
    expect(during.length).toBeGreaterThan(1);
    console.log(`health answered ${during.length} times during the deploy; slowest ${Math.max(...during.map((h) => h.latencyMs)).toFixed(0)} ms`);
  }, 120_000);
});
