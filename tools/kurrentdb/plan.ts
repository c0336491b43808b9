/**
 * How `npm run test:kurrentdb` gets a KurrentDB to test against, decided from what is there: the
 * connection string the caller gave, else a throw-away single node started with Docker Compose,
 * else nothing (and a message saying exactly what is needed). Kept free of side effects so each
 * branch is unit-tested without Docker or a server.
 */

/** The compose file of the throw-away node, relative to the workspace root. */
export const COMPOSE_FILE = 'docker/compose.kurrentdb.yml';
/** The compose project name, so `down` removes only what `up` started. */
export const COMPOSE_PROJECT = 'banjie-kurrentdb-test';
/** Where the throw-away node listens (insecure development mode: no TLS, no users). */
export const LOCAL_CONNECTION_STRING = 'kurrentdb://localhost:2113?tls=false';

/** The same schemes the api accepts for `KURRENTDB_CONNECTION_STRING` (apps/api/src/config/load-config.ts). */
const CONNECTION_STRING = /^(kurrentdb|kdb|esdb|kurrent)(\+discover)?:\/\/\S+$/;

export type KurrentDbPlan =
  /** Test against the server the caller named. */
  | { kind: 'given'; connectionString: string }
  /** Start a single node with `composeFile`, wait until healthy, test, remove it. */
  | { kind: 'docker'; composeFile: string; project: string; connectionString: string }
  /** Nothing to test against: print `message` and exit non-zero. */
  | { kind: 'missing'; message: string };

/** What the plan depends on; the probes run only when needed. */
export interface Surroundings {
  env: Readonly<Record<string, string | undefined>>;
  /** Whether `docker info` succeeds (a reachable Docker engine). */
  dockerEngine(): boolean;
  /** Whether `docker compose version` succeeds (the Compose v2 plugin). */
  dockerCompose(): boolean;
}

export function planKurrentDbRun(surroundings: Surroundings): KurrentDbPlan {
  const given = surroundings.env['KURRENTDB_CONNECTION_STRING']?.trim();
  if (given) {
    if (!CONNECTION_STRING.test(given)) {
      return { kind: 'missing', message: `KURRENTDB_CONNECTION_STRING must start with kurrentdb:// or esdb:// (e.g. ${LOCAL_CONNECTION_STRING}), got "${given}".` };
    }
    return { kind: 'given', connectionString: given };
  }
  if (!surroundings.dockerEngine()) {
    return {
      kind: 'missing',
      message: [
        'npm run test:kurrentdb needs a KurrentDB server and found none. Either',
        `  - set KURRENTDB_CONNECTION_STRING to a running KurrentDB 24+ node or cluster (e.g. ${LOCAL_CONNECTION_STRING}), or`,
        `  - make a Docker engine reachable (\`docker info\` must succeed) with the Compose v2 plugin, and this script starts a single insecure node from ${COMPOSE_FILE} on port 2113 and removes it afterwards.`,
        'Nothing was tested.',
      ].join('\n'),
    };
  }
  if (!surroundings.dockerCompose()) {
    return {
      kind: 'missing',
      message: `A Docker engine is reachable but \`docker compose version\` fails: install the Compose v2 plugin (docker-compose-plugin), or set KURRENTDB_CONNECTION_STRING. Nothing was tested.`,
    };
  }
  return { kind: 'docker', composeFile: COMPOSE_FILE, project: COMPOSE_PROJECT, connectionString: LOCAL_CONNECTION_STRING };
}

/** One test run against the server: a Jest config and the spec files it runs. */
export interface SuiteRun {
  name: string;
  config: string;
  specs: string[];
}

/** The suites `test:kurrentdb` runs: the event-store contract and the api integration tests on KurrentDB. */
export const KURRENTDB_SUITES: readonly SuiteRun[] = [
  { name: 'event-store contract on KurrentDB', config: 'libs/event-store/jest.config.cjs', specs: ['libs/event-store/src/lib/kurrentdb/kurrentdb-event-store.int.spec.ts'] },
  { name: 'api integration tests on KurrentDB', config: 'apps/api/jest.config.cjs', specs: ['apps/api/src/server/kurrentdb-store.int.spec.ts'] },
];

/** The environment each suite runs with: the server, and a flag that turns "skipped" into "failed". */
export function suiteEnv(connectionString: string): Record<string, string> {
  return { KURRENTDB_CONNECTION_STRING: connectionString, BANJIE_REQUIRE_KURRENTDB: '1' };
}
