import type { ApiConfig } from '@banjie/api-core';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The configuration could not be read: every problem found, one per line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DURATION = /^(\d+)\s*(s|m|h|d)?$/;
const ADMIN_PASSWORD_MIN = 12;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * Reads and validates the api's configuration from the environment (the root README lists them).
 * Throws a `ConfigError` naming every bad value. When BANJIE_JWT_SECRET is unset, a secret is
 * generated once and kept in `<dataDir>/jwt-secret` (mode 0600) so tokens survive restarts.
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): ApiConfig {
  const problems: string[] = [];
  const port = integer(env['PORT'], 3000, 0, 65535, 'PORT', problems);
  const store = oneOf(env['BANJIE_STORE'], 'sqlite', ['sqlite', 'kurrentdb', 'memory'] as const, 'BANJIE_STORE', problems);
  const connection = env['KURRENTDB_CONNECTION_STRING']?.trim() || undefined;
  if (store === 'kurrentdb' && !connection) problems.push('KURRENTDB_CONNECTION_STRING is required when BANJIE_STORE=kurrentdb (e.g. kurrentdb://localhost:2113?tls=false)');
  if (connection && !/^(kurrentdb|kdb|esdb|kurrent)(\+discover)?:\/\//.test(connection)) problems.push(`KURRENTDB_CONNECTION_STRING must start with kurrentdb:// or esdb://, got "${connection}"`);
  const tokenTtlSeconds = duration(env['BANJIE_TOKEN_TTL'], 8 * 3600, 'BANJIE_TOKEN_TTL', problems);
  const messageTtlSeconds = duration(env['BANJIE_MESSAGE_TTL'], 3600, 'BANJIE_MESSAGE_TTL', problems);
  const seedDemo = boolean(env['BANJIE_SEED_DEMO'], true, 'BANJIE_SEED_DEMO', problems);
  const clock = oneOf(env['BANJIE_CLOCK'], 'system', ['system', 'manual'] as const, 'BANJIE_CLOCK', problems);
  const seedDemoCases = boolean(env['BANJIE_SEED_DEMO_CASES'], seedDemo && clock === 'system', 'BANJIE_SEED_DEMO_CASES', problems);
  const workers = integer(env['BANJIE_WORKERS'], 1, 1, 64, 'BANJIE_WORKERS', problems);
  const logLevel = oneOf(env['LOG_LEVEL'], 'info', LOG_LEVELS, 'LOG_LEVEL', problems);
  // Read by CaseCommands itself (foldCacheEnabled); judged here so a typo stops the start.
  boolean(env['BANJIE_FOLD_CACHE'], true, 'BANJIE_FOLD_CACHE', problems);
  const secret = env['BANJIE_JWT_SECRET'];
  if (secret !== undefined && secret.length < 32) problems.push('BANJIE_JWT_SECRET must be at least 32 characters (or unset, to generate one)');
  // The value itself never goes into a message: only its length is judged.
  const adminPassword = env['BANJIE_ADMIN_PASSWORD'] || undefined;
  if (adminPassword !== undefined && adminPassword.length < ADMIN_PASSWORD_MIN) problems.push(`BANJIE_ADMIN_PASSWORD must be at least ${ADMIN_PASSWORD_MIN} characters (or unset)`);
  if (workers > 1 && store !== 'sqlite') problems.push(`BANJIE_WORKERS=${workers} needs BANJIE_STORE=sqlite: workers share the one store file (got ${store})`);
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = resolve(cwd, env['BANJIE_DATA_DIR'] || './data');
  return {
    port,
    dataDir,
    ...(env['BANJIE_READ_MODEL_DIR'] ? { readModelDir: resolve(cwd, env['BANJIE_READ_MODEL_DIR']) } : {}),
    workers,
    store,
    kurrentDbConnectionString: connection,
    jwtSecret: secret ?? persistedSecret(dataDir),
    tokenTtlSeconds,
    messageTtlSeconds,
    seedDemo,
    seedDemoCases,
    ...(adminPassword ? { adminPassword } : {}),
    clock,
    bpmnDir: resolve(cwd, env['BANJIE_BPMN_DIR'] || './bpmn'),
    webDir: resolve(cwd, env['BANJIE_WEB_DIR'] || './dist/apps/web/browser'),
    logLevel,
  };
}

function persistedSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

function integer(raw: string | undefined, fallback: number, min: number, max: number, name: string, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function oneOf<T extends string>(raw: string | undefined, fallback: T, allowed: readonly T[], name: string, problems: string[]): T {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase() as T;
  if (!allowed.includes(value)) {
    problems.push(`${name} must be one of ${allowed.join(' | ')}, got "${raw}"`);
    return fallback;
  }
  return value;
}

function boolean(raw: string | undefined, fallback: boolean, name: string, problems: string[]): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  problems.push(`${name} must be true or false, got "${raw}"`);
  return fallback;
}

function duration(raw: string | undefined, fallback: number, name: string, problems: string[]): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const match = DURATION.exec(raw.trim());
  const seconds = match ? Number(match[1]) * (UNIT_SECONDS[match[2] ?? 's'] ?? 1) : 0;
  if (!match || seconds <= 0) {
    problems.push(`${name} must be a duration such as 3600, 30m, 8h or 1d, got "${raw}"`);
    return fallback;
  }
  return seconds;
}
