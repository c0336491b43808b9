import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnApi, type ApiProcess } from '../testing/api-process';
import { FIXTURE_BPMN_DIR, apiClient, eventually } from '../testing/test-api';

const KEY = 'api-fixture-approval';
const NOW = '2026-03-02T01:00:00.000Z';
const CASE_MESSAGES_BPMN_DIR = resolve(__dirname, 'case-messages-bpmn');
const SUPPLEMENT_XML = readFileSync(resolve(FIXTURE_BPMN_DIR, '../waits-bpmn/linfen-api-supplement.bpmn'), 'utf8');
const WINDOW_CHECK = { applicantName: '晋南新材料', complete: true, tier: '2' };

type Client = ReturnType<typeof apiClient>;
interface Replica {
  process: ApiProcess;
  api: Client;
}

type LiveMessage = { id: string; data: { caseId?: string; revision: number; type: string } };

/** Reads SSE messages from `url` until `enough` holds (or 10 s passed), then closes the connection. */
async function readLive(url: string, enough: (messages: LiveMessage[]) => boolean): Promise<LiveMessage[]> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const messages: LiveMessage[] = [];
  let buffer = '';
  const deadline = setTimeout(() => controller.abort(), 10_000);
  try {
    while (!enough(messages)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const lines = buffer.slice(0, end).split('\n').filter((l) => !l.startsWith(':'));
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
        if (fields['data']) messages.push({ id: fields['id'] ?? '', data: JSON.parse(fields['data']) });
      }
    }
  } catch {
    // aborted at the deadline: return what arrived
  } finally {
    clearTimeout(deadline);
    controller.abort();
  }
  return messages;
}

/** Starts replica `n` (as `node dist/apps/api/main.js`) on `dataDir` with its own read models, and sets its manual clock. */
async function replicaOn(dataDir: string, bpmnDir: string, n: number): Promise<Replica> {
  const process = await spawnApi({
    BANJIE_DATA_DIR: dataDir,
    BANJIE_READ_MODEL_DIR: join(dataDir, 'replicas', String(n)),
    PORT: '0',
    BANJIE_CLOCK: 'manual',
    BANJIE_BPMN_DIR: bpmnDir,
    BANJIE_WEB_DIR: join(dataDir, 'no-web-build'),
  });
  const api = apiClient(process.url!);
  const set = await api.call('POST', '/api/admin/clock', { token: await api.login('admin'), body: { now: NOW } });
  if (set.status !== 200) throw new Error(`setting the clock of replica ${n} answered ${set.status}`);
  return { process, api };
}

async function stopAll(replicas: Replica[]): Promise<void> {
  for (const replica of replicas) {
    replica.process.child.kill('SIGTERM');
    await replica.process.exited;
  }
}

/**
 * Two api processes on one data dir: one SQLite event store, each with read models of its own
 * (`BANJIE_READ_MODEL_DIR`), as `BANJIE_WORKERS=2` runs them (docs/architecture.md "Replicas").
 */
describe('two api replicas over one SQLite store', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'banjie-replicas-'));
  const replicas: Replica[] = [];

  const startReplica = (n: number) => replicaOn(dataDir, FIXTURE_BPMN_DIR, n);

  beforeAll(async () => {
    // one after the other, as the primary of BANJIE_WORKERS starts them
    replicas.push(await startReplica(1));
    replicas.push(await startReplica(2));
  }, 60_000);

  afterAll(async () => {
    await stopAll(replicas);
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function startCase(api: Client, businessKey: string): Promise<{ caseId: string; taskId: string }> {
    const started = await api.call<{ id: string; tasks: { id: string }[] }>('POST', '/api/cases', { token: await api.login('lf-applicant'), body: { definitionKey: KEY, version: 1, businessKey, variables: { project: '晋南新材料' } } });
    if (started.status !== 201) throw new Error(`starting ${businessKey} answered ${started.status} ${JSON.stringify(started.body)}`);
    return { caseId: started.body.id, taskId: started.body.tasks[0].id };
  }

  it('lets exactly one of two concurrent completions of one task win: one 200, one 409', async () => {
    // given a case started on replica 1 whose window task the clerk claimed there
    const [one, two] = replicas;
    const { caseId, taskId } = await startCase(one.api, 'LF-REPLICA-001');
    const clerk = await one.api.login('lf-clerk');
    expect((await one.api.call('POST', `/api/tasks/${taskId}/claim`, { token: clerk })).status).toBe(200);
    // and replica 2 has followed the store: the task is in the clerk's inbox there too
    const mine = async () => (await two.api.call<{ id: string }[]>('GET', '/api/tasks?scope=mine', { token: clerk })).body;
    const seen = await eventually(mine, (rows) => Array.isArray(rows) && rows.some((t) => t.id === taskId), 10_000);
    expect(seen.map((t) => t.id)).toContain(taskId);

    // when the clerk completes it on both replicas at once
    const answers = await Promise.all(replicas.map(({ api }) => api.call<{ error?: string }>('POST', `/api/tasks/${taskId}/complete`, { token: clerk, body: { variables: WINDOW_CHECK } })));

    // then one wins and the other is told the task is no longer open
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.error).toBe('conflict');
    const history = await one.api.call<{ type: string }[]>('GET', `/api/cases/${caseId}/events`, { token: clerk });
    expect(history.status).toBe(200);
    expect(history.body.filter((e) => e.type === 'TaskCompleted')).toHaveLength(1);
  }, 30_000);

  it('brings both replicas’ read models to the same rows', async () => {
    // given cases started on either replica
    const [one, two] = replicas;
    for (let i = 0; i < 3; i++) await startCase(replicas[i % 2].api, `LF-REPLICA-CONVERGE-${i}`);
    const leader = await one.api.login('lf-leader');
    const list = async (api: Client) => (await api.call<{ id: string; businessKey: string }[]>('GET', `/api/cases?definitionKey=${KEY}&limit=100`, { token: leader })).body;
    const converged = (rows: { businessKey: string }[]) => Array.isArray(rows) && rows.filter((r) => r.businessKey.startsWith('LF-REPLICA-CONVERGE-')).length === 3;

    // when both have followed the store
    const fromTwo = await eventually(() => list(two.api), converged, 10_000);
    const fromOne = await eventually(() => list(one.api), converged, 10_000);

    // then both list the same cases with the same rows
    expect(fromOne.filter((r) => r.businessKey.startsWith('LF-REPLICA-CONVERGE-'))).toHaveLength(3);
    expect(fromTwo).toEqual(fromOne);
    // and the zone's counters, which a projector adds to, count each case once on both
    const stats = async (api: Client) => (await api.call<{ cases: { active: number; completed: number } }>('GET', '/api/stats?zoneId=lf', { token: leader })).body.cases;
    const all = fromOne.length;
    const countedOnTwo = await eventually(() => stats(two.api), (c) => c.active + c.completed === all, 5_000);
    const countedOnOne = await eventually(() => stats(one.api), (c) => c.active + c.completed === all, 5_000);
    expect(countedOnOne.active + countedOnOne.completed).toBe(all);
    expect(countedOnTwo).toEqual(countedOnOne);
  }, 30_000);

  it('streams to an SSE client on one replica every event written through the other', async () => {
    // given a clerk listening to zone lf on replica 2
    const [one, two] = replicas;
    const clerk = await two.api.login('lf-clerk');
    const ticket = (await two.api.call<{ ticket: string }>('POST', '/api/auth/sse-ticket', { token: clerk })).body.ticket;
    const url = `${two.process.url}/api/zones/lf/live?ticket=${ticket}`;

    // when a case starts and its task is claimed and completed on replica 1
    let caseId = '';
    let expected = Number.POSITIVE_INFINITY;
    const listening = readLive(url, (heard) => heard.filter((m) => m.data.caseId === caseId).length >= expected);
    await new Promise((r) => setTimeout(r, 300));
    const started = await startCase(one.api, 'LF-REPLICA-LIVE');
    caseId = started.caseId;
    const taskId = started.taskId;
    const clerkOnOne = await one.api.login('lf-clerk');
    expect((await one.api.call('POST', `/api/tasks/${taskId}/claim`, { token: clerkOnOne })).status).toBe(200);
    expect((await one.api.call('POST', `/api/tasks/${taskId}/complete`, { token: clerkOnOne, body: { variables: WINDOW_CHECK } })).status).toBe(200);
    const events = (await one.api.call<{ revision: number }[]>('GET', `/api/cases/${caseId}/events`, { token: clerkOnOne })).body;
    expected = events.length;
    const heard = await listening;

    // then the client on replica 2 heard each of the case's events once, in order
    expect(heard.filter((m) => m.data.caseId === caseId).map((m) => m.data.revision)).toEqual(events.map((e) => e.revision));
  }, 30_000);

  it('loses no acknowledged command when a replica is SIGKILLed mid-load', async () => {
    // given replica 2 taking case starts
    const [one, two] = replicas;
    const token = await two.api.login('lf-applicant');
    const acknowledged: string[] = [];
    const attempts = Array.from({ length: 40 }, (_, i) =>
      two.api
        .call<{ id: string }>('POST', '/api/cases', { token, body: { definitionKey: KEY, version: 1, businessKey: `LF-REPLICA-KILL-${i}`, variables: {} } })
        .then((a) => {
          if (a.status === 201) acknowledged.push(a.body.id);
        })
        .catch(() => undefined),
    );

    // when it is killed without warning while they run
    await eventually(async () => acknowledged.length, (n) => n >= 5, 10_000);
    two.process.child.kill('SIGKILL');
    await two.process.exited;
    await Promise.all(attempts);

    // then every case it acknowledged is in the store, and replica 1 serves each of them
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);
    const leader = await one.api.login('lf-leader');
    for (const id of acknowledged) {
      const found = await eventually(() => one.api.call('GET', `/api/cases/${id}`, { token: leader }), (a) => a.status === 200, 10_000);
      expect(found.status).toBe(200);
    }
    replicas[1] = await startReplica(2);
  }, 60_000);
});

describe('two api replicas over one SQLite store: timers and messages', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'banjie-replicas-'));
  const replicas: Replica[] = [];

  beforeAll(async () => {
    replicas.push(await replicaOn(dataDir, CASE_MESSAGES_BPMN_DIR, 1));
    replicas.push(await replicaOn(dataDir, CASE_MESSAGES_BPMN_DIR, 2));
  }, 60_000);

  afterAll(async () => {
    await stopAll(replicas);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fires a due timer once when both replicas pass its time together', async () => {
    // given the supplement flow deployed, and a case on it that took its supplement and waits one hour
    const [one, two] = replicas;
    const deployed = await one.api.call('POST', '/api/definitions', { token: await one.api.login('lf-designer'), body: { xml: SUPPLEMENT_XML } });
    expect(deployed.status).toBe(201);
    const applicant = await one.api.login('lf-applicant');
    const started = await one.api.call<{ id: string }>('POST', '/api/cases', { token: applicant, body: { definitionKey: 'api-fixture-supplement', variables: { applicationNo: 'LF-R-1' } } });
    expect(started.status).toBe(201);
    const delivered = await one.api.call('POST', '/api/messages', { token: applicant, body: { name: 'SupplementReceived', correlationKey: 'LF-R-1', variables: { supplied: true } } });
    expect(delivered.status).toBe(200);
    const waiting = await one.api.call<{ timers: { dueAt: string }[] }>('GET', `/api/cases/${started.body.id}`, { token: applicant });
    expect(waiting.body.timers).toHaveLength(1);
    const later = new Date(Date.parse(waiting.body.timers[0].dueAt) + 1000).toISOString();
    // and replica 2's timer scheduler knows the timer too
    await eventually(() => two.api.call<{ timers: unknown[] }>('GET', `/api/cases/${started.body.id}`, { token: applicant }), (a) => a.body.timers?.length === 1, 10_000);

    // when both replicas' clocks pass its due time at once
    const admin = await one.api.login('admin');
    const moved = await Promise.all(replicas.map(({ api }) => api.call<{ firedTimers: number }>('POST', '/api/admin/clock', { token: admin, body: { now: later } })));

    // then it fired exactly once and the case ended
    expect(moved.map((m) => m.status)).toEqual([200, 200]);
    const ended = await eventually(() => one.api.call<{ status: string }>('GET', `/api/cases/${started.body.id}`, { token: applicant }), (a) => a.body.status === 'completed', 10_000);
    expect(ended.body.status).toBe('completed');
    const events = (await two.api.call<{ type: string }[]>('GET', `/api/cases/${started.body.id}/events`, { token: applicant })).body;
    expect(events.filter((e) => e.type === 'TimerFired')).toHaveLength(1);
  }, 30_000);

  it('delivers a message one case sends to the waiting case once, though both replicas dispatch it', async () => {
    // given a Linfen case waiting for permit P-R to be issued
    const [one, two] = replicas;
    const clerk = await one.api.login('lf-clerk');
    const receiver = await one.api.call<{ id: string }>('POST', '/api/cases', { token: clerk, body: { definitionKey: 'linfen-xc-receiver', variables: { permitNo: 'P-R' } } });
    expect(receiver.status).toBe(201);

    // when a permit case on replica 2 issues and archives P-R
    const sender = await two.api.call<{ status: string }>('POST', '/api/cases', { token: await two.api.login('lf-clerk'), body: { definitionKey: 'linfen-xc-sender', variables: { permitNo: 'P-R' } } });
    expect(sender.body.status).toBe('completed');

    // then the receiver took each message once, whichever replica's dispatcher got there first
    const moved = await eventually(() => one.api.call<{ tasks: { elementId: string }[] }>('GET', `/api/cases/${receiver.body.id}`, { token: clerk }), (a) => a.body.tasks?.some((t) => t.elementId === 'Task_Review'), 10_000);
    expect(moved.body.tasks.map((t) => t.elementId)).toEqual(['Task_Review']);
    await new Promise((r) => setTimeout(r, 1_000)); // give the slower dispatcher its turn
    const events = (await one.api.call<{ type: string; data: Record<string, unknown> }[]>('GET', `/api/cases/${receiver.body.id}/events`, { token: clerk })).body;
    expect(events.filter((e) => e.type === 'MessageCorrelated').map((e) => e.data['messageName'])).toEqual(['PermitIssued', 'PermitArchived']);
  }, 30_000);
});

describe('two api replicas over one SQLite store: what every replica must share', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'banjie-replicas-'));
  const replicas: Replica[] = [];

  beforeAll(async () => {
    replicas.push(await replicaOn(dataDir, FIXTURE_BPMN_DIR, 1));
    replicas.push(await replicaOn(dataDir, FIXTURE_BPMN_DIR, 2));
  }, 180_000);

  afterAll(async () => {
    await stopAll(replicas);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The status a live stream answers for `ticket` (the connection is closed at once). */
  async function openLive(replica: Replica, ticket: string): Promise<number> {
    const controller = new AbortController();
    const response = await fetch(`${replica.process.url}/api/zones/lf/live?ticket=${encodeURIComponent(ticket)}`, { signal: controller.signal });
    controller.abort();
    return response.status;
  }

  it('opens a live stream on the replica that did not issue its ticket, and only once on any replica', async () => {
    // given a ticket the clerk got from replica 1 (a proxy sends the EventSource to replica 2)
    const [one, two] = replicas;
    const clerk = await one.api.login('lf-clerk');
    const issued = await one.api.call<{ ticket: string }>('POST', '/api/auth/sse-ticket', { token: clerk });
    expect(issued.status).toBe(201);

    // when the stream is opened with it on replica 2, then again on each replica
    const first = await openLive(two, issued.body.ticket);
    const againOnOne = await openLive(one, issued.body.ticket);
    const againOnTwo = await openLive(two, issued.body.ticket);

    // then replica 2 took it, and it was used up for both
    expect(first).toBe(200);
    expect([againOnOne, againOnTwo]).toEqual([401, 401]);
  }, 30_000);

  it('moves the manual clock of every replica when it is set on one', async () => {
    // given both replicas at the suite's instant
    const [one, two] = replicas;
    const later = '2026-03-05T02:30:00.000Z';
    const clockOf = async (replica: Replica) => (await replica.api.call<{ clock: { now: string } }>('GET', '/api/health')).body.clock.now;
    expect(await clockOf(two)).toBe(NOW);

    // when the admin moves the clock on replica 1
    const moved = await one.api.call('POST', '/api/admin/clock', { token: await one.api.login('admin'), body: { now: later } });
    expect(moved.status).toBe(200);

    // then replica 2 reads the same instant
    expect(await eventually(() => clockOf(two), (now) => now === later, 10_000)).toBe(later);
  }, 30_000);

  it('lets a user created on one replica sign in on the other, and ends its tokens on both when deactivated there', async () => {
    // given a clerk the admin created on replica 1, signed in and working on replica 2
    const [one, two] = replicas;
    const admin = await one.api.login('admin');
    const created = await one.api.call('POST', '/api/users', { token: admin, body: { id: 'lf-replica-clerk', name: '周敏', password: 'replica-pass-1', zoneId: 'lf', roles: ['clerk'], groups: ['window'] } });
    expect(created.status).toBe(201);
    const token = await two.api.login('lf-replica-clerk', 'replica-pass-1');
    expect((await two.api.call('GET', '/api/tasks?scope=mine', { token })).status).toBe(200);

    // when the admin deactivates the clerk on replica 1
    const deactivated = await one.api.call('PATCH', '/api/users/lf-replica-clerk', { token: admin, body: { active: false } });
    expect(deactivated.status).toBe(200);

    // then replica 2 refuses the clerk's token too
    const refused = await two.api.call<{ message: string }>('GET', '/api/tasks?scope=mine', { token });
    expect(refused.status).toBe(401);
  }, 30_000);

  it('refuses on both replicas a token signed out on one', async () => {
    // given a clerk signed in on replica 2 and working on both
    const [one, two] = replicas;
    const token = await two.api.login('lf-clerk');
    expect((await one.api.call('GET', '/api/tasks?scope=mine', { token })).status).toBe(200);
    expect((await two.api.call('GET', '/api/tasks?scope=mine', { token })).status).toBe(200);

    // when the clerk signs out through replica 1
    expect((await one.api.call('POST', '/api/auth/logout', { token })).status).toBe(204);

    // then neither replica takes the token any more
    expect((await two.api.call('GET', '/api/tasks?scope=mine', { token })).status).toBe(401);
    expect((await one.api.call('GET', '/api/tasks?scope=mine', { token })).status).toBe(401);
  }, 30_000);
});
