import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/load-config';
import { FIXTURE_BPMN_DIR, startTestApi, type TestApi } from '../testing/test-api';
import { startApi, type RunningApi } from './start-api';

/** Opens a live route, reads its status and content type, and hangs up. */
async function openLive(url: string): Promise<{ status: number; contentType: string | null }> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const answer = { status: response.status, contentType: response.headers.get('content-type') };
  controller.abort();
  return answer;
}

async function ticketOf(api: TestApi, token: string): Promise<string> {
  const answer = await api.call<{ ticket: string; expiresAt: string }>('POST', '/api/auth/sse-ticket', { token });
  expect(answer.status).toBe(201);
  return answer.body.ticket;
}

/** Moves `Date.now` (which the ticket book and the login throttle read) forward by `ms`; returns the undo. */
function later(ms: number): () => void {
  const now = Date.now();
  const clock = jest.spyOn(Date, 'now').mockReturnValue(now + ms);
  return () => clock.mockRestore();
}

describe('security of the api doors', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.stop({ removeData: true });
  });

  describe('live streams opened with single-use tickets', () => {
    it('opens a case stream once with a ticket, and refuses the same ticket again', async () => {
      // given a case and a ticket of a clerk of its zone
      const applicant = await api.login('lf-applicant');
      const clerk = await api.login('lf-clerk');
      const started = await api.call('POST', '/api/cases', { token: applicant, body: { definitionKey: 'api-fixture-approval' } });
      const ticket = await ticketOf(api, clerk);

      // when the stream is opened with it, twice
      const first = await openLive(`${api.url}/api/cases/${started.body.id}/live?ticket=${ticket}`);
      const second = await openLive(`${api.url}/api/cases/${started.body.id}/live?ticket=${ticket}`);

      // then the first opens the stream and the second is refused
      expect(first).toEqual({ status: 200, contentType: expect.stringMatching(/^text\/event-stream/) });
      expect(second.status).toBe(401);
    });

    it('answers a ticket with its expiry a minute ahead', async () => {
      // when
      const answer = await api.call('POST', '/api/auth/sse-ticket', { token: await api.login('lf-clerk') });

      // then
      expect(answer.status).toBe(201);
      // a signed, URL-safe ticket: a random id, the user and the expiry, then the signature (docs/api.md, Security)
      expect(answer.body.ticket).toMatch(/^[\w-]{20,}\.[\w-]{40,}$/);
      const lifetime = Date.parse(answer.body.expiresAt) - Date.now();
      expect(lifetime).toBeGreaterThan(55_000);
      expect(lifetime).toBeLessThanOrEqual(60_000);
    });

    it('refuses a ticket after its minute has passed', async () => {
      // given
      const ticket = await ticketOf(api, await api.login('lf-clerk'));
      const undo = later(61_000);

      // when
      const answer = await openLive(`${api.url}/api/zones/lf/live?ticket=${ticket}`).finally(undo);

      // then
      expect(answer.status).toBe(401);
    });

    it('opens streams only as the user who got the ticket', async () => {
      // given tickets of a lf clerk and of a lf applicant
      const clerkTicket = await ticketOf(api, await api.login('lf-clerk'));
      const applicantTicket = await ticketOf(api, await api.login('lf-applicant'));

      // when the clerk's opens another zone, and the applicant's the zone stream applicants may not read
      const otherZone = await openLive(`${api.url}/api/zones/cz/live?ticket=${clerkTicket}`);
      const otherRole = await openLive(`${api.url}/api/zones/lf/live?ticket=${applicantTicket}`);

      // then
      expect(otherZone.status).toBe(404);
      expect(otherRole.status).toBe(403);
    });

    it('takes no access token in the query and gives no ticket without signing in', async () => {
      // given
      const clerk = await api.login('lf-clerk');

      // when
      const withQueryToken = await openLive(`${api.url}/api/zones/lf/live?access_token=${clerk}`);
      const anonymousTicket = await api.call('POST', '/api/auth/sse-ticket');

      // then
      expect(withQueryToken.status).toBe(401);
      expect(anonymousTicket.status).toBe(401);
    });
  });

  describe('sign-in throttling', () => {
    it('refuses the 11th wrong password of a user with 429 and Retry-After, and then the right one too until the window passes', async () => {
      // given ten wrong passwords for lf-leader
      const wrong = () => api.call('POST', '/api/auth/login', { body: { username: 'lf-leader', password: 'guess' } });
      const answers = [];
      for (let i = 0; i < 10; i++) answers.push((await wrong()).status);

      // when
      const eleventh = await wrong();
      const right = await api.call('POST', '/api/auth/login', { body: { username: 'lf-leader', password: 'banjie' } });
      const undo = later(15 * 60_000 + 1_000);
      const afterWindow = await api.call('POST', '/api/auth/login', { body: { username: 'lf-leader', password: 'banjie' } }).finally(undo);

      // then
      expect(answers).toEqual(Array(10).fill(401));
      expect(eleventh.status).toBe(429);
      expect(eleventh.body).toEqual({ error: 'rate_limited', message: expect.stringContaining('Too many failed sign-ins') });
      expect(Number(eleventh.headers.get('retry-after'))).toBeGreaterThan(800);
      expect(Number(eleventh.headers.get('retry-after'))).toBeLessThanOrEqual(900);
      expect(right.status).toBe(429);
      expect(afterWindow.status).toBe(200);
    });
  });

  describe('security headers', () => {
    it.each(['/', '/api/health', '/api/no-such-route'])('sends the content security policy and friends on %s', async (path) => {
      // when
      const response = await fetch(`${api.url}${path}`);

      // then
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-powered-by')).toBeNull();
    });
  });
});

describe('credentials in the log', () => {
  let running: RunningApi;
  let dataDir: string;
  const lines: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'banjie-api-'));
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'info', BANJIE_DATA_DIR: dataDir, BANJIE_BPMN_DIR: FIXTURE_BPMN_DIR, BANJIE_WEB_DIR: join(dataDir, 'no-web-build'), BANJIE_SEED_DEMO_CASES: 'false' });
    running = await startApi(config, { logDestination: { write: (line: string) => void lines.push(line) } });
  });

  afterAll(async () => {
    await running.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never writes a token, a cookie or a ticket, at info level', async () => {
    // given a signed-in user
    const login = await fetch(`${running.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'lf-clerk', password: 'banjie' }) });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const authorization = { Authorization: `Bearer ${token}`, Cookie: `session=${token}` };

    // when it calls the api with its token in a header, a cookie and query strings, and opens a stream with a ticket
    await fetch(`${running.url}/api/cases`, { headers: authorization });
    const ticketAnswer = await fetch(`${running.url}/api/auth/sse-ticket`, { method: 'POST', headers: authorization });
    const { ticket } = (await ticketAnswer.json()) as { ticket: string };
    await openLive(`${running.url}/api/zones/lf/live?ticket=${ticket}`);
    await openLive(`${running.url}/api/zones/lf/live?access_token=${token}`);
    await fetch(`${running.url}/api/cases?status=active&access_token=${token}&ticket=${ticket}`);
    await new Promise((r) => setTimeout(r, 300));

    // then every request was logged, with none of its credentials
    const requestLines = lines.filter((l) => l.includes('"req":'));
    expect(requestLines.length).toBeGreaterThanOrEqual(6);
    expect(requestLines.some((l) => l.includes('/api/zones/lf/live?access_token=[redacted]'))).toBe(true);
    const log = lines.join('');
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.split('.')[2]!);
    expect(log).not.toContain(ticket);
  });
});
