import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'banjie-config-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('fills the documented defaults', () => {
    // given
    const env = { BANJIE_DATA_DIR: dataDir };

    // when
    const config = loadConfig(env, '/srv/banjie');

    // then
    expect(config).toMatchObject({
      port: 3000,
      dataDir,
      store: 'sqlite',
      tokenTtlSeconds: 8 * 3600,
      messageTtlSeconds: 3600,
      seedDemo: true,
      clock: 'system',
      bpmnDir: '/srv/banjie/bpmn',
      webDir: '/srv/banjie/dist/apps/web/browser',
      logLevel: 'info',
    });
  });

  it('generates a JWT secret once and keeps it in the data dir', () => {
    // given
    const env = { BANJIE_DATA_DIR: dataDir };

    // when
    const first = loadConfig(env);
    const second = loadConfig(env);

    // then
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim()).toBe(first.jwtSecret);
  });

  it('reads durations, booleans and choices', () => {
    // given
    const env = { BANJIE_DATA_DIR: dataDir, PORT: '0', BANJIE_TOKEN_TTL: '30m', BANJIE_SEED_DEMO: 'false', BANJIE_CLOCK: 'manual', BANJIE_STORE: 'memory', LOG_LEVEL: 'silent' };

    // when
    const config = loadConfig(env);

    // then
    expect(config).toMatchObject({ port: 0, tokenTtlSeconds: 1800, seedDemo: false, clock: 'manual', store: 'memory', logLevel: 'silent' });
  });

  it('seeds the demo cases by default only with the demo users on the system clock', () => {
    // given
    const base = { BANJIE_DATA_DIR: dataDir };

    // when / then
    expect(loadConfig(base).seedDemoCases).toBe(true);
    expect(loadConfig({ ...base, BANJIE_SEED_DEMO: 'false' }).seedDemoCases).toBe(false);
    expect(loadConfig({ ...base, BANJIE_CLOCK: 'manual' }).seedDemoCases).toBe(false);
    expect(loadConfig({ ...base, BANJIE_CLOCK: 'manual', BANJIE_SEED_DEMO_CASES: 'true' }).seedDemoCases).toBe(true);
    expect(loadConfig({ ...base, BANJIE_SEED_DEMO_CASES: 'false' }).seedDemoCases).toBe(false);
    expect(() => loadConfig({ ...base, BANJIE_SEED_DEMO_CASES: 'sometimes' })).toThrow(/BANJIE_SEED_DEMO_CASES/);
  });

  it('accepts BANJIE_FOLD_CACHE as true or false and refuses anything else, naming it', () => {
    // given
    const base = { BANJIE_DATA_DIR: dataDir };

    // when / then
    expect(() => loadConfig({ ...base, BANJIE_FOLD_CACHE: '0' })).not.toThrow();
    expect(() => loadConfig({ ...base, BANJIE_FOLD_CACHE: 'on' })).not.toThrow();
    expect(() => loadConfig({ ...base, BANJIE_FOLD_CACHE: 'sometimes' })).toThrow('BANJIE_FOLD_CACHE must be true or false, got "sometimes"');
  });

  it('refuses bad values, naming every one', () => {
    // given
    const env = { BANJIE_DATA_DIR: dataDir, PORT: 'eighty', BANJIE_STORE: 'postgres', BANJIE_SEED_DEMO: 'maybe', BANJIE_JWT_SECRET: 'short' };

    // when
    const attempt = () => loadConfig(env);

    // then
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/BANJIE_STORE/);
      expect(problems).toMatch(/BANJIE_SEED_DEMO/);
      expect(problems).toMatch(/BANJIE_JWT_SECRET/);
    }
  });

  it('reads BANJIE_WORKERS and BANJIE_READ_MODEL_DIR, one process and the data dir by default', () => {
    // when
    const single = loadConfig({ BANJIE_DATA_DIR: dataDir });
    const replicated = loadConfig({ BANJIE_DATA_DIR: dataDir, BANJIE_WORKERS: '4', BANJIE_READ_MODEL_DIR: 'replicas/2' }, '/srv/banjie');

    // then
    expect(single.workers).toBe(1);
    expect(single.readModelDir).toBeUndefined();
    expect(replicated).toMatchObject({ workers: 4, readModelDir: '/srv/banjie/replicas/2' });
  });

  it('refuses a worker count out of range, and workers over a store other than SQLite', () => {
    // when
    const none = () => loadConfig({ BANJIE_DATA_DIR: dataDir, BANJIE_WORKERS: '0' });
    const overMemory = () => loadConfig({ BANJIE_DATA_DIR: dataDir, BANJIE_WORKERS: '2', BANJIE_STORE: 'memory' });

    // then
    expect(none).toThrow(/BANJIE_WORKERS must be a whole number from 1 to 64, got "0"/);
    expect(overMemory).toThrow(/BANJIE_WORKERS=2 needs BANJIE_STORE=sqlite/);
  });

  it('needs a connection string for kurrentdb', () => {
    // given
    const env = { BANJIE_DATA_DIR: dataDir, BANJIE_STORE: 'kurrentdb' };

    // when
    const attempt = () => loadConfig(env);

    // then
    expect(attempt).toThrow(/KURRENTDB_CONNECTION_STRING is required/);
  });

  it('reads BANJIE_ADMIN_PASSWORD, and refuses a short one without repeating it', () => {
    // when
    const config = loadConfig({ BANJIE_DATA_DIR: dataDir, BANJIE_ADMIN_PASSWORD: 'first-admin-2026' });
    const attempt = () => loadConfig({ BANJIE_DATA_DIR: dataDir, BANJIE_ADMIN_PASSWORD: 'short-pw' });

    // then
    expect(config.adminPassword).toBe('first-admin-2026');
    expect(loadConfig({ BANJIE_DATA_DIR: dataDir }).adminPassword).toBeUndefined();
    expect(attempt).toThrow(/BANJIE_ADMIN_PASSWORD must be at least 12 characters/);
    expect(attempt).not.toThrow(/short-pw/);
  });
});
