/** An answer of the api, or `undefined` status when the request never got one (the api died). */
export interface Answer {
  status: number | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  ms: number;
}

/** Where the api listens now: a restart on port 0 moves it, and every client follows. */
export interface Target {
  url: string;
}

/** Latencies of answered requests, for the soak's p99. */
export const latencies: number[] = [];

/** Calls the api; a connection that breaks (SIGKILL) is an answer without status, never a throw. */
export async function call(target: Target, method: string, path: string, options: { token?: string; body?: unknown; raw?: string; contentType?: string; timeoutMs?: number } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  if (options.body !== undefined || options.raw !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  const started = performance.now();
  try {
    const response = await fetch(`${target.url}${path}`, {
      method,
      headers,
      // raw: text sent as it is (a body JSON.stringify could not make, e.g. 3,000 levels deep)
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    latencies.push(ms);
    let body: unknown = text;
    try {
      body = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body, ms };
  } catch {
    // The api is down (killed, restarting): do not spin while it comes back.
    await sleep(200);
    return { status: undefined, body: undefined, ms: performance.now() - started };
  }
}

/** Signs a demo user in, retrying while the api restarts (for up to five minutes: restarts under load are slow). */
export async function login(target: Target, username: string, until = Date.now() + 300_000): Promise<string> {
  for (;;) {
    const answer = await call(target, 'POST', '/api/auth/login', { body: { username, password: 'banjie' } });
    if (answer.status === 200) return (answer.body as { accessToken: string }).accessToken;
    if (Date.now() > until) throw new Error(`login ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    await sleep(answer.status === 429 ? 1000 : 100);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
