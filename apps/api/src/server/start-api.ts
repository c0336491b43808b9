import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CLOCK, CaseCommands, ManualClock, SystemClock, DefinitionRegistry, WorkingCalendars, lastManualClockSetting, type ApiConfig, type Clock, type ModelCompiler } from '@banjie/api-core';
import { USER_DIRECTORY, seedDemoUsers, seedFirstAdmin, type UserDirectory } from '@banjie/api-auth';
import { ProjectionRunner } from '@banjie/api-projections';
import { WorkflowRuntime } from '@banjie/api-workflow';
import type { EventStore } from '@banjie/event-store';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream } from 'pino';
import { pinoHttp } from 'pino-http';
import { AppModule } from '../app/app.module';
import { REDACTED_LOG_PATHS, redactRequestUrl } from '../operations/log-redaction';
import { PinoLoggerService } from '../operations/pino-logger';
import { deployZoneFlows, type FlowDeployment } from '../seed/deploy-zone-flows';
import { seedDemoCases } from '../seed/demo-cases';
import { serveWebApp } from '../web/serve-web-app';
import { limitedBodyParsers } from './body-limits';
import { openCompilePool } from './compile-pool';
import { encodeBigEventsOffThread } from './off-thread-appends';
import { InFlightRequests } from './in-flight-requests';
import { openEventStore } from './open-event-store';
import { securityHeaders } from './security-headers';

const SHUTDOWN_GRACE_MS = 10_000;

/** A started api: where it listens, and how to stop it gracefully. */
export interface RunningApi {
  app: INestApplication;
  url: string;
  config: ApiConfig;
  deployments: FlowDeployment[];
  demoUsersSeeded: number;
  /** Stops accepting requests, lets in-flight commands finish, then closes the read models and the store. */
  shutdown(): Promise<void>;
}

/**
 * What a caller may share with the api: a `store` (tests: two api processes on one store) and
 * where the log lines go (standard output by default).
 */
export interface StartOptions {
  store?: EventStore;
  logDestination?: DestinationStream;
}

/** Builds the Nest application on a store (not yet listening). */
async function createApp(config: ApiConfig, store: EventStore, logDestination?: DestinationStream, compiler?: ModelCompiler): Promise<NestExpressApplication> {
  // Credentials never reach a log line: headers and query values by path, the url by the `req` serializer.
  const logger = pino({ level: config.logLevel, base: { app: 'banjie-api' }, redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' } }, logDestination);
  // The manual clock starts where its last recorded setting left it (MANUAL_CLOCK_STREAM).
  const clock = config.clock === 'manual' ? new ManualClock(await lastManualClockSetting(store)) : new SystemClock();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config, store, clock, compiler }), {
    bodyParser: false,
    logger: new PinoLoggerService(logger),
    forceCloseConnections: true,
  });
  const genReqId = (req: IncomingMessage, res: ServerResponse): string => {
    const header = req.headers['x-correlation-id'];
    const id = typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
    res.setHeader('X-Correlation-Id', id);
    return id;
  };
  if (logger.isLevelEnabled('info')) {
    app.use(pinoHttp({ logger, genReqId, serializers: { req: redactRequestUrl }, autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/metrics' } }));
  } else {
    // Request lines are logged at info: below that level only the correlation id is set, without
    // building a request logger and a response record that nobody writes.
    app.use((req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void) => {
      req.id = genReqId(req, res);
      next();
    });
  }
  return app;
}

/**
 * Opens the store, builds the api, catches the read models up, seeds, and listens on the configured
 * port. A `store` passed in (tests: two api processes on one store) is used instead, and left open.
 */
export async function startApi(config: ApiConfig, shared: StartOptions = {}): Promise<RunningApi> {
  const store = shared.store ?? openEventStore(config);
  // Models compile in a worker: a large one does not stall the event loop (compile-pool.ts).
  const compilePool = openCompilePool();
  // Big events (a deployment of megabytes) are encoded in the same worker (off-thread-appends.ts).
  const app = await createApp(config, compilePool ? encodeBigEventsOffThread(store, compilePool) : store, shared.logDestination, compilePool);
  app.disable('x-powered-by');
  app.use(securityHeaders());
  const inFlight = new InFlightRequests();
  app.use(inFlight.middleware);
  // Size, depth, key count and numbers are checked on the text, before it becomes objects (body-limits.ts).
  for (const parser of limitedBodyParsers(compilePool)) app.use(parser);
  serveWebApp(app.getHttpAdapter().getInstance(), config.webDir);
  app.setGlobalPrefix('api');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Banjie API').setDescription('办结: BPMN workflows of the development zones (API.md)').setVersion('1').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  await app.init();
  const logger = new Logger('Banjie');
  const users = app.get<UserDirectory>(USER_DIRECTORY);
  let demoUsersSeeded = 0;
  let deployments: FlowDeployment[] = [];
  const prepare = async () => {
    // Before the demo users, so a first start with both keeps the configured admin password.
    if (config.adminPassword && (await seedFirstAdmin(users, config.adminPassword))) logger.log('Created the province user admin from BANJIE_ADMIN_PASSWORD');
    demoUsersSeeded = config.seedDemo ? await seedDemoUsers(users) : 0;
    if (users.count() === 0) logger.warn('No user exists and nobody can sign in: set BANJIE_ADMIN_PASSWORD (≥ 12 characters) to create the first admin');
    deployments = await deployZoneFlows(config.bpmnDir, app.get(DefinitionRegistry), logger);
    // After the flows, through the command path, at each case's own start instant (seed/demo-cases.ts).
    if (config.seedDemoCases) {
      const calendars = app.get(WorkingCalendars);
      await seedDemoCases(app.get(CaseCommands), users, deployments, logger, app.get<Clock>(CLOCK).now(), { calendarOf: (zoneId) => calendars.forZone(zoneId), bpmnDir: config.bpmnDir });
    }
  };
  // Users, flows and demo cases are in place before the job workers and the timer scheduler start:
  // the demo cases' commands carry past instants, so none of their past timers or jobs is taken at
  // wall time in between (a task completed in the past would otherwise be found overdue now, and
  // stay red), and no background work ever sees a half-seeded store.
  await app.get(WorkflowRuntime).start(prepare);
  await app.listen(config.port);
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;

  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      const server = app.getHttpServer() as Server;
      server.close();
      await inFlight.drained(SHUTDOWN_GRACE_MS);
      await app.close();
      await compilePool?.close();
      if (!shared.store) await store.close();
    })());
  return { app, url: `http://localhost:${port}`, config, deployments, demoUsersSeeded, shutdown };
}

/** Drops every read model and replays the store into it; returns the events applied and the time taken. */
export async function rebuildProjections(config: ApiConfig): Promise<{ events: number; seconds: number }> {
  const store = openEventStore(config);
  const app = await createApp({ ...config, logLevel: config.logLevel }, store);
  await app.init();
  const started = process.hrtime.bigint();
  const events = await app.get(ProjectionRunner).rebuild();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await app.close();
  await store.close();
  return { events, seconds };
}
