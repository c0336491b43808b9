/** The api's configuration, read and validated once at start (the root README lists the variables). */
export interface ApiConfig {
  port: number;
  dataDir: string;
  /**
   * `BANJIE_READ_MODEL_DIR`: where this process keeps its read models (`read-models.sqlite`); the
   * data dir by default. Replicas over one store each keep their own (docs/architecture.md "Replicas").
   */
  readModelDir?: string;
  /** `BANJIE_WORKERS`: how many HTTP worker processes `main.ts` forks over the one store (1: no fork). */
  workers?: number;
  store: 'sqlite' | 'kurrentdb' | 'memory';
  kurrentDbConnectionString?: string;
  jwtSecret: string;
  /** Lifetime of an access token, in seconds. */
  tokenTtlSeconds: number;
  /** `BANJIE_MESSAGE_TTL`: how long a message one case sends waits for a case to correlate it, in seconds (1 h by default). */
  messageTtlSeconds: number;
  seedDemo: boolean;
  /**
   * `BANJIE_SEED_DEMO_CASES`: starts the demo cases of every zone at start (apps/api/src/seed/demo-cases.ts).
   * Default: on when `BANJIE_SEED_DEMO` is on and `BANJIE_CLOCK=system`; test harnesses turn it off.
   */
  seedDemoCases: boolean;
  /** `BANJIE_ADMIN_PASSWORD`: creates the province `admin` with it when no user exists at start. Never logged. */
  adminPassword?: string;
  clock: 'system' | 'manual';
  bpmnDir: string;
  webDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export const API_CONFIG = Symbol('ApiConfig');
