import { COMPOSE_FILE, KURRENTDB_SUITES, LOCAL_CONNECTION_STRING, planKurrentDbRun, suiteEnv, type Surroundings } from './plan';

function surroundings(env: Record<string, string | undefined>, docker: { engine: boolean; compose: boolean }): Surroundings & { probes: string[] } {
  const probes: string[] = [];
  return {
    env,
    probes,
    dockerEngine: () => (probes.push('docker info'), docker.engine),
    dockerCompose: () => (probes.push('docker compose version'), docker.compose),
  };
}

describe('test:kurrentdb plan', () => {
  it('uses KURRENTDB_CONNECTION_STRING when it is set, without asking Docker', () => {
    // given
    const here = surroundings({ KURRENTDB_CONNECTION_STRING: 'kurrentdb://db.example:2113?tls=true' }, { engine: true, compose: true });
    // when
    const plan = planKurrentDbRun(here);
    // then
    expect(plan).toEqual({ kind: 'given', connectionString: 'kurrentdb://db.example:2113?tls=true' });
    expect(here.probes).toEqual([]);
  });

  it('refuses a connection string that is not a KurrentDB one, naming it', () => {
    // when
    const plan = planKurrentDbRun(surroundings({ KURRENTDB_CONNECTION_STRING: 'http://localhost:2113' }, { engine: true, compose: true }));
    // then
    expect(plan.kind).toBe('missing');
    expect(plan.kind === 'missing' && plan.message).toContain('"http://localhost:2113"');
  });

  it('starts a single node from its own compose file when Docker and Compose are there', () => {
    // given
    const here = surroundings({ KURRENTDB_CONNECTION_STRING: '  ' }, { engine: true, compose: true });
    // when
    const plan = planKurrentDbRun(here);
    // then
    expect(plan).toEqual({ kind: 'docker', composeFile: 'docker/compose.kurrentdb.yml', project: 'banjie-kurrentdb-test', connectionString: LOCAL_CONNECTION_STRING });
    expect(here.probes).toEqual(['docker info', 'docker compose version']);
  });

  it('says what it needs and tests nothing without a connection string or a Docker engine', () => {
    // when
    const plan = planKurrentDbRun(surroundings({}, { engine: false, compose: true }));
    // then
    expect(plan.kind).toBe('missing');
    const message = plan.kind === 'missing' ? plan.message : '';
    expect(message).toContain('KURRENTDB_CONNECTION_STRING');
    expect(message).toContain('docker info');
    expect(message).toContain(COMPOSE_FILE);
    expect(message).toContain('Nothing was tested.');
  });

  it('says that the Compose plugin is missing when only the engine is there', () => {
    // when
    const plan = planKurrentDbRun(surroundings({}, { engine: true, compose: false }));
    // then
    expect(plan.kind === 'missing' && plan.message).toContain('docker compose version');
  });

  it('runs the contract and the api suites with the server and the flag that fails instead of skipping', () => {
    // then
    expect(KURRENTDB_SUITES.flatMap((suite) => suite.specs)).toEqual([
      'libs/event-store/src/lib/kurrentdb/kurrentdb-event-store.int.spec.ts',
      'apps/api/src/server/kurrentdb-store.int.spec.ts',
    ]);
    expect(suiteEnv('kurrentdb://x:2113')).toEqual({ KURRENTDB_CONNECTION_STRING: 'kurrentdb://x:2113', BANJIE_REQUIRE_KURRENTDB: '1' });
  });
});
