import type { CaseView, LoginResponse, StartCaseRequest } from '@banjie/contracts';
import { baseUrl } from './browser';

/** Signs a demo user in over HTTP (all demo users have the password `banjie`). */
export async function loginAs(username: string): Promise<LoginResponse> {
  return call<LoginResponse>('POST', '/api/auth/login', undefined, { username, password: 'banjie' });
}

/** Starts a case over HTTP as the given user. */
export async function startCase(token: string, request: StartCaseRequest): Promise<CaseView> {
  return call<CaseView>('POST', '/api/cases', token, request);
}

/** Any authorised GET, answering the JSON body. */
export async function get<T>(token: string, path: string): Promise<T> {
  return call<T>('GET', path, token);
}

/** Any authorised POST with a JSON body, answering the JSON body. */
export async function post<T>(token: string, path: string, body: unknown): Promise<T> {
  return call<T>('POST', path, token, body);
}

/** Moves the api's manual test clock (the suite starts the api with BANJIE_CLOCK=manual); admin only. */
export async function setClock(adminToken: string, now: string): Promise<void> {
  await post(adminToken, '/api/admin/clock', { now });
}

function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  return apiClient(baseUrl()).call<T>(method, path, token, body);
}

/** A small JSON client of the api at `url` (the functions above talk to the suite's own api). */
export function apiClient(url: string) {
  const call = async <T = unknown>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  /** Signs a demo user in (password `banjie`), answering the access token. */
  const login = async (username: string): Promise<string> => (await call<LoginResponse>('POST', '/api/auth/login', undefined, { username, password: 'banjie' })).accessToken;
  return { url, call, login };
}

/** The client `apiClient` answers. */
export type ApiClient = ReturnType<typeof apiClient>;
