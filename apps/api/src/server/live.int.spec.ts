import { startTestApi, type TestApi } from '../testing/test-api';

interface SseMessage {
  id: string;
  /** Field names of the message's lines: plain messages have no `event`. */
  fields: string[];
  data: { revision: number; type: string; caseId?: string; data: unknown; metadata: Record<string, unknown>; recordedAt: string; hash: string };
}

/** Reads SSE messages from a live route until `count` arrived, then closes the connection. */
async function readLive(api: TestApi, path: string, count: number, headers: Record<string, string> = {}): Promise<SseMessage[]> {
  const controller = new AbortController();
  const response = await fetch(`${api.url}${path}`, { headers, signal: controller.signal });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const messages: SseMessage[] = [];
  let buffer = '';
  const deadline = setTimeout(() => controller.abort(), 5_000);
  try {
    while (messages.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n').filter((l) => !l.startsWith(':'));
        const fields = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
        if (fields['data']) messages.push({ id: fields['id']!, fields: Object.keys(fields), data: JSON.parse(fields['data']) });
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

/** A single-use ticket of `POST /api/auth/sse-ticket`, as the web client gets one before opening an EventSource. */
async function ticketOf(api: TestApi, token: string): Promise<string> {
  return (await api.call<{ ticket: string }>('POST', '/api/auth/sse-ticket', { token })).body.ticket;
}

describe('live updates over Server-Sent Events', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  it('streams a case, and resumes after Last-Event-ID without losing or repeating an event', async () => {
    // given a case with a few events, and a ticket in the query string as EventSource sends it
    const applicant = await api.login('lf-applicant');
    const clerk = await api.login('lf-clerk');
    const started = await api.call('POST', '/api/cases', { token: applicant, body: { definitionKey: 'api-fixture-approval' } });
    const caseId = started.body.id as string;
    const revisionAfterStart = started.body.revision as number;

    // when a client reads everything so far
    const first = await readLive(api, `/api/cases/${caseId}/live?ticket=${await ticketOf(api, clerk)}`, revisionAfterStart + 1);

    // and, disconnected, misses a claim, then resumes
    await api.call('POST', `/api/tasks/${started.body.tasks[0].id}/claim`, { token: clerk });
    const resumed = await readLive(api, `/api/cases/${caseId}/live?ticket=${await ticketOf(api, clerk)}`, 1, { 'Last-Event-ID': first.at(-1)!.id });

    // then the ids are the revisions, in order, each once
    expect(first.map((m) => Number(m.id))).toEqual(Array.from({ length: revisionAfterStart + 1 }, (_, i) => i));
    expect(resumed.map((m) => Number(m.id))).toEqual([revisionAfterStart + 1]);
    // and each is a plain message (what EventSource.onmessage hears) whose data is the event as /events shows it
    expect([...first, ...resumed].every((m) => m.fields.join(',') === 'id,data')).toBe(true);
    const events = (await api.call('GET', `/api/cases/${caseId}/events`, { token: clerk })).body as { prevHash: string }[];
    expect([...first, ...resumed].map((m) => m.data)).toEqual(events);
    expect(first[0]!.data.type).toBe('CaseStarted');
    expect(resumed[0]!.data).toMatchObject({ type: 'TaskClaimed', revision: revisionAfterStart + 1, metadata: { zoneId: 'lf' } });
  });

  it('streams the events of a zone by store position, and resumes after one', async () => {
    // given a client listening to zone lf
    const clerk = await api.login('lf-clerk');
    const applicant = await api.login('lf-applicant');
    const listening = readLive(api, `/api/zones/lf/live?ticket=${await ticketOf(api, clerk)}`, 1);
    await new Promise((r) => setTimeout(r, 200));

    // when a case starts, and another one starts while the client is away
    const first = await api.call('POST', '/api/cases', { token: applicant, body: { definitionKey: 'api-fixture-approval', businessKey: 'LIVE-A' } });
    const heard = await listening;
    const second = await api.call('POST', '/api/cases', { token: applicant, body: { definitionKey: 'api-fixture-approval', businessKey: 'LIVE-B' } });
    const secondEvents = (await api.call('GET', `/api/cases/${second.body.id}/events`, { token: clerk })).body as unknown[];
    const firstEvents = (await api.call('GET', `/api/cases/${first.body.id}/events`, { token: clerk })).body as Record<string, unknown>[];
    const resumed = await readLive(api, `/api/zones/lf/live?ticket=${await ticketOf(api, clerk)}`, firstEvents.length - 1 + secondEvents.length, { 'Last-Event-ID': heard[0]!.id });

    // then the first message was the first case's start, and the resumed stream holds every later event once, in order
    expect(heard[0]!.fields).toEqual(['id', 'data']);
    expect(heard[0]!.data).toEqual({ caseId: first.body.id, ...firstEvents[0]! });
    expect(heard[0]!.data).toMatchObject({ type: 'CaseStarted', revision: 0 });
    const resumedOf = (caseId: string) => resumed.filter((m) => m.data.caseId === caseId).map((m) => m.data.revision);
    expect(resumedOf(first.body.id)).toEqual(Array.from({ length: firstEvents.length - 1 }, (_, i) => i + 1));
    expect(resumedOf(second.body.id)).toEqual(Array.from({ length: secondEvents.length }, (_, i) => i));
    const positions = resumed.map((m) => BigInt(m.id));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('refuses a live stream without a token', async () => {
    // when
    const answer = await api.call('GET', '/api/zones/lf/live');

    // then
    expect(answer.status).toBe(401);
  });
});
