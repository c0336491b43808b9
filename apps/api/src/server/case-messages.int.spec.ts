import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RestartableApi, type Client } from '../testing/api-process';
import { eventually, startTestApi, type TestApi } from '../testing/test-api';

/** Fixture flows of Linfen (linfen-*) and Changzi (changzi-*) that send, wait for and throw messages and signals. */
const CASE_MESSAGES_BPMN_DIR = resolve(__dirname, 'case-messages-bpmn');
const MONDAY_MORNING = '2026-03-02T01:00:00Z';

interface CaseBody {
  id: string;
  status: string;
  variables: Record<string, unknown>;
  tasks: { id: string; elementId: string }[];
  active: { elementId: string }[];
}

interface EventBody {
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

const CLERK = { lf: 'lf-clerk', cz: 'cz-clerk' } as const;
type Zone = keyof typeof CLERK;

async function startCase(api: Client, zone: Zone, definitionKey: string, variables: Record<string, unknown>): Promise<CaseBody> {
  const started = await api.call<CaseBody>('POST', '/api/cases', { token: await api.login(CLERK[zone]), body: { definitionKey, variables } });
  expect([definitionKey, started.status]).toEqual([definitionKey, 201]);
  return started.body;
}

async function caseOf(api: Client, zone: Zone, caseId: string): Promise<CaseBody> {
  return (await api.call<CaseBody>('GET', `/api/cases/${caseId}`, { token: await api.login(CLERK[zone]) })).body;
}

/** The case once `ok` holds (delivery runs beside the requests), or as it stands when the wait ends. */
function caseWhen(api: Client, zone: Zone, caseId: string, ok: (view: CaseBody) => boolean, timeoutMs = 10_000): Promise<CaseBody> {
  return eventually(() => caseOf(api, zone, caseId), ok, timeoutMs);
}

async function eventsOf(api: Client, zone: Zone, caseId: string): Promise<EventBody[]> {
  return (await api.call<EventBody[]>('GET', `/api/cases/${caseId}/events`, { token: await api.login(CLERK[zone]) })).body;
}

const activeIds = (view: CaseBody) => view.active.map((a) => a.elementId).sort();
const taskIds = (view: CaseBody) => view.tasks.map((t) => t.elementId).sort();
const hasTask = (elementId: string) => (view: CaseBody) => view.tasks.some((t) => t.elementId === elementId);

async function setClock(api: Client, now: string): Promise<void> {
  expect((await api.call('POST', '/api/admin/clock', { token: await api.login('admin'), body: { now } })).status).toBe(200);
}

describe('messages and signals between cases', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ BANJIE_BPMN_DIR: CASE_MESSAGES_BPMN_DIR, BANJIE_CLOCK: 'manual' });
    await setClock(api, MONDAY_MORNING);
  }, 60_000);

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it("a case's send task and message end event move the case of its zone waiting on the same key, not one of another zone", async () => {
    // given a Linfen case and a Changzi case, both waiting for permit P-1 to be issued
    const linfen = await startCase(api, 'lf', 'linfen-xc-receiver', { permitNo: 'P-1' });
    const changzi = await startCase(api, 'cz', 'changzi-xc-receiver', { permitNo: 'P-1' });
    expect(activeIds(linfen)).toEqual(['Wait_Issued']);
    expect(activeIds(changzi)).toEqual(['Wait_Issued']);

    // when a Linfen permit case issues and archives P-1 (a send task, then a message end event)
    const sender = await startCase(api, 'lf', 'linfen-xc-sender', { permitNo: 'P-1' });
    expect(sender.status).toBe('completed');

    // then the Linfen case took both messages, with their payloads, and waits in its review
    const moved = await caseWhen(api, 'lf', linfen.id, hasTask('Task_Review'));
    expect(taskIds(moved)).toEqual(['Task_Review']);
    expect(moved.variables).toMatchObject({ permitNo: 'P-1', issuedPermit: 'P-1', archiveNo: 'archive-P-1' });
    const correlated = (await eventsOf(api, 'lf', linfen.id)).filter((e) => e.type === 'MessageCorrelated');
    expect(correlated.map((e) => e.data['messageName'])).toEqual(['PermitIssued', 'PermitArchived']);
    expect(correlated.map((e) => typeof e.metadata['deliveryId'])).toEqual(['string', 'string']);

    // and the Changzi case, waiting on the same name and key in another zone, did not move
    const untouched = await caseOf(api, 'cz', changzi.id);
    expect(activeIds(untouched)).toEqual(['Wait_Issued']);
    expect((await eventsOf(api, 'cz', changzi.id)).filter((e) => e.type === 'MessageCorrelated')).toEqual([]);
  }, 30_000);

  it("a signal reaches every subscribed case of the thrower's zone and starts the zone's signal-start flow, and no case of another zone", async () => {
    // given two Linfen cases and a Changzi case waiting for the flood alert
    const first = await startCase(api, 'lf', 'linfen-xc-signal-catcher', {});
    const second = await startCase(api, 'lf', 'linfen-xc-signal-catcher', {});
    const changzi = await startCase(api, 'cz', 'changzi-xc-signal-catcher', {});
    const lfToken = await api.login('lf-clerk');
    const mustersBefore = (await api.call<CaseBody[]>('GET', '/api/cases?definitionKey=linfen-xc-signal-start', { token: lfToken })).body;

    // when a Linfen case raises the flood alert at level 3
    await startCase(api, 'lf', 'linfen-xc-signal-thrower', { level: 3 });

    // then both Linfen cases respond, with the signal's payload
    for (const waiting of [first, second]) {
      const responding = await caseWhen(api, 'lf', waiting.id, hasTask('Task_Respond'));
      expect(taskIds(responding)).toEqual(['Task_Respond']);
      expect(responding.variables).toMatchObject({ floodLevel: 3 });
    }

    // and one muster case of Linfen's signal-start flow began, waiting at its first task
    const musters = await eventually(
      async () => (await api.call<CaseBody[]>('GET', '/api/cases?definitionKey=linfen-xc-signal-start', { token: lfToken })).body,
      (list) => list.length > mustersBefore.length,
    );
    expect(musters.length - mustersBefore.length).toBe(1);
    const muster = musters.find((m) => !mustersBefore.some((b) => b.id === m.id));
    expect(taskIds(await caseOf(api, 'lf', muster!.id))).toEqual(['Task_Muster']);

    // and the Changzi case still waits
    expect(activeIds(await caseOf(api, 'cz', changzi.id))).toEqual(['Wait_Flood']);
  }, 30_000);

  it('a message sent before any case waits for it reaches a case that begins to wait within its time to live', async () => {
    // given a Linfen permit case that issued and archived P-2 while no case waited for it
    await startCase(api, 'lf', 'linfen-xc-sender', { permitNo: 'P-2' });

    // when a Linfen case begins to wait for P-2 half an hour later
    await setClock(api, '2026-03-02T01:30:00Z');
    const late = await startCase(api, 'lf', 'linfen-xc-receiver', { permitNo: 'P-2' });

    // then the kept messages reach it and it goes on to its review
    const moved = await caseWhen(api, 'lf', late.id, hasTask('Task_Review'));
    expect(taskIds(moved)).toEqual(['Task_Review']);
    expect(moved.variables).toMatchObject({ issuedPermit: 'P-2', archiveNo: 'archive-P-2' });
  }, 30_000);

  it('a message whose time to live ended is dropped: a case that begins to wait later only takes a newer one', async () => {
    // given P-3 issued and archived while no case waited, and the clock two hours on (past the one-hour time to live)
    await setClock(api, '2026-03-02T03:00:00Z');
    const expired = await startCase(api, 'lf', 'linfen-xc-sender', { permitNo: 'P-3' });
    await setClock(api, '2026-03-02T05:00:00Z');
    const late = await startCase(api, 'lf', 'linfen-xc-receiver', { permitNo: 'P-3' });

    // when P-3 is issued and archived again
    const fresh = await startCase(api, 'lf', 'linfen-xc-sender', { permitNo: 'P-3' });

    // then the waiting case took the new messages only, one of each (a delivery carries its sender's correlation id)
    const moved = await caseWhen(api, 'lf', late.id, hasTask('Task_Review'));
    expect(taskIds(moved)).toEqual(['Task_Review']);
    const correlated = (await eventsOf(api, 'lf', late.id)).filter((e) => e.type === 'MessageCorrelated');
    expect(correlated.map((e) => e.data['messageName'])).toEqual(['PermitIssued', 'PermitArchived']);
    const sentBy = async (caseId: string) => (await eventsOf(api, 'lf', caseId)).find((e) => e.type === 'MessageSent')?.metadata['correlationId'];
    expect(await sentBy(fresh.id)).not.toEqual(await sentBy(expired.id));
    expect(correlated.map((e) => e.metadata['correlationId'])).toEqual([await sentBy(fresh.id), await sentBy(fresh.id)]);

    // and the dropped messages are counted
    const metrics = (await api.call<string>('GET', '/api/metrics')).body;
    expect(Number(/^banjie_case_messages_dropped_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThanOrEqual(2);
  }, 30_000);
});

describe('messages between cases across a kill of the api process', () => {
  let dataDir: string;
  let api: RestartableApi;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'banjie-case-messages-'));
    api = new RestartableApi(dataDir, { BANJIE_BPMN_DIR: CASE_MESSAGES_BPMN_DIR });
  });

  afterAll(async () => {
    await api.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const startApiProcess = (): Promise<Client> => api.start(MONDAY_MORNING);
  const killApiProcess = (): Promise<void> => api.kill();

  /** Runs `check`; when it fails, the api's log follows the failure (what the dispatcher said). */
  function withApiOutput(check: () => void): void {
    try {
      check();
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- api output ---\n${api.output().slice(-4_000)}`);
    }
  }

  /**
   * What a crash between a delivery and the dispatcher's checkpoint leaves: the delivery done, its
   * progress not recorded (here, back to the start of the store).
   */
  function forgetDispatcherProgress(): void {
    const db = new Database(join(dataDir, 'read-models.sqlite'));
    try {
      expect(db.prepare("UPDATE message_dispatch_checkpoint SET position = '0'").run().changes).toBe(1);
    } finally {
      db.close();
    }
  }

  it('a kill during delivery, and a restart that reads the message again, delivers it to each waiting case exactly once', async () => {
    // given 24 Linfen cases working on permit P-9, each noting every amendment of it
    const first = await startApiProcess();
    const watchers: CaseBody[] = [];
    for (let i = 0; i < 24; i++) watchers.push(await startCase(first, 'lf', 'linfen-xc-watcher', { permitNo: 'P-9' }));
    const byId = [...watchers].sort((a, b) => a.id.localeCompare(b.id));

    // when a case announces an amendment of P-9 and the api is killed while it is being delivered
    await startCase(first, 'lf', 'linfen-xc-amender', { permitNo: 'P-9', amendment: '增加建筑面积' });
    await caseWhen(first, 'lf', byId[0].id, hasTask('Task_Note'));
    await killApiProcess();
    forgetDispatcherProgress();

    // and a new api process reads the amendment again from the start of the store
    const second = await startApiProcess();

    // then every case notes the amendment, with its payload
    for (const watcher of byId) {
      const noted = await caseWhen(second, 'lf', watcher.id, hasTask('Task_Note'), 20_000);
      withApiOutput(() => expect([watcher.id, taskIds(noted)]).toEqual([watcher.id, ['Task_Note', 'Task_Work']]));
      expect(noted.variables).toMatchObject({ permitNo: 'P-9' });
    }

    // when a later amendment of another permit has gone through (the dispatcher is past the first one)
    const later = await startCase(second, 'lf', 'linfen-xc-watcher', { permitNo: 'P-10' });
    await startCase(second, 'lf', 'linfen-xc-amender', { permitNo: 'P-10', amendment: '变更法定代表人' });
    expect(taskIds(await caseWhen(second, 'lf', later.id, hasTask('Task_Note')))).toEqual(['Task_Note', 'Task_Work']);

    // then each P-9 case took the amendment exactly once
    for (const watcher of byId) {
      const events = await eventsOf(second, 'lf', watcher.id);
      expect([watcher.id, events.filter((e) => e.type === 'MessageCorrelated').length]).toEqual([watcher.id, 1]);
      expect([watcher.id, taskIds(await caseOf(second, 'lf', watcher.id))]).toEqual([watcher.id, ['Task_Note', 'Task_Work']]);
    }
  }, 180_000);
});
