import { Inject, Injectable } from '@nestjs/common';
import type { CaseView } from '@banjie/contracts';
import { decideAndEvolve, fold, initialCaseState, toCaseView, type CaseState, type Decision, type EngineCommand, type EngineContext, type EngineEvent } from '@banjie/engine';
import { WrongExpectedRevisionError, orderedUuid, type EventStore, type RecordedEvent } from '@banjie/event-store';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../actor';
import { WorkingCalendars } from '../calendar/working-calendars';
import { CLOCK, type Clock } from '../clock/clock';
import { CalledModels } from '../definitions/called-models';
import { DefinitionRegistry } from '../definitions/definition-registry';
import { ApiError } from '../errors/api-error';
import { CaseRejected, rejectionError } from '../errors/rejection-error';
import { ApiMetrics } from '../metrics/api-metrics';
import { EVENT_STORE } from '../store/event-store.token';
import { WritePositions } from '../store/write-positions';
import { caseHeaderOf, type CaseHeader } from './case-header';
import { caseStream, toEngineEvent, toEventsToAppend } from './case-stream';

/** A command on one case, with who sends it and why. */
export interface CaseCommandRequest {
  caseId: string;
  command: EngineCommand;
  actor?: Actor;
  correlationId?: string;
  causationId?: string;
  /**
   * The id of the event this command delivers to the case (a message or signal another case
   * sent). The case takes each delivery once: the id is written into the metadata of the events
   * it causes, and a command carrying an id the case already holds decides nothing. The check and
   * the append run against one revision, so a retried or concurrent delivery cannot land twice.
   */
  deliveryId?: string;
  /** The engine's time for this command (a timer start runs at its due time); the clock's now when absent. */
  now?: string;
  /** Whether the actor may act on this case at all (role, zone): throws a 403/404 `ApiError` to refuse. Runs first. */
  authorize?: (header: CaseHeader) => void | Promise<void>;
  /**
   * Business checks of the command against the case as it stands, beyond what the engine checks
   * (a form's fields): throws a 409/422 `ApiError` to refuse. Runs after `authorize`, before the engine decides.
   */
  validate?: (header: CaseHeader, state: CaseState) => void | Promise<void>;
}

/** What a command produced: the case as it now stands, and where its events landed. */
export interface CaseCommandOutcome {
  view: CaseView;
  header: CaseHeader;
  events: EngineEvent[];
  position?: string;
  /** The case already held the command's `deliveryId`: nothing was decided or appended. */
  alreadyDelivered?: boolean;
}

/** A case read from its stream and folded. */
export interface LoadedCase {
  header: CaseHeader;
  state: CaseState;
  revision: bigint;
  /** The `deliveryId`s of the commands the case took (see `CaseCommandRequest.deliveryId`). */
  deliveries?: ReadonlySet<string>;
}

const MAX_ATTEMPTS = 8;
/** Decisions of one command at most: each round can reach called processes one level deeper. */
const MAX_CALLED_MODEL_ROUNDS = 8;
const CACHE_LIMIT = 5_000;

/**
 * `BANJIE_FOLD_CACHE=0` (or `false`, `no`, `off`) turns the cache of folded cases off: every command
 * then reads and folds its case's whole stream. On by default; a knob for measuring the cache
 * (docs/benchmarks.md "Issue 17: fastify, validation and the fold cache"). `loadConfig` refuses
 * other values.
 */
export function foldCacheEnabled(env: NodeJS.ProcessEnv): boolean {
  return !['false', '0', 'no', 'off'].includes((env['BANJIE_FOLD_CACHE'] ?? '').trim().toLowerCase());
}

/** Read once, when the api loads. */
const FOLD_CACHE_LIMIT = foldCacheEnabled(process.env) ? CACHE_LIMIT : 0;

/** The case view of a folded case at its revision: what every command answers and `GET /api/cases/:id` shows. */
export function caseViewOf(loaded: Pick<LoadedCase, 'state' | 'revision'>): CaseView {
  return { ...toCaseView(loaded.state), revision: Number(loaded.revision) };
}

/**
 * Runs engine commands on cases: read the `case-<id>` stream, fold, `decideAndEvolve` (which
 * returns the state after its events, so they are never folded twice), append with the expected
 * revision; a concurrent append makes it re-read and decide again (a bounded number of times). A
 * refusal is a `CaseRejected` with its domain reason. Folded cases are cached by revision, so a
 * command reads only the events it has not seen.
 */
@Injectable()
export class CaseCommands {
  private readonly cache = new Map<string, LoadedCase>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly definitions: DefinitionRegistry,
    private readonly calendars: WorkingCalendars,
    private readonly writePositions: WritePositions,
    private readonly metrics: ApiMetrics,
  ) {}

  /** Starts a case of a deployed definition (the command's `caseId` names the new stream). */
  async start(request: CaseCommandRequest & { command: Extract<EngineCommand, { type: 'StartCase' }> }): Promise<CaseCommandOutcome> {
    const { command } = request;
    const header: CaseHeader = {
      caseId: command.caseId,
      definitionKey: command.definitionKey,
      version: command.version,
      zoneId: command.zoneId,
      businessKey: command.businessKey ?? '',
      startedBy: request.actor?.id,
    };
    return this.run(request, async () => ({ header, state: initialCaseState(), revision: -1n }));
  }

  /** Sends a command to an existing case; 404 when there is no such case. */
  async execute(request: CaseCommandRequest): Promise<CaseCommandOutcome> {
    return this.run(request, async () => {
      const loaded = await this.load(request.caseId);
      if (!loaded) throw new CaseRejected('not_found', `Case ${request.caseId} not found`);
      return loaded;
    });
  }

  /** The case folded up to its newest event, or undefined when it does not exist. */
  async load(caseId: string): Promise<LoadedCase | undefined> {
    const cached = this.cache.get(caseId);
    const events: RecordedEvent[] = [];
    try {
      for await (const event of this.store.readStream(caseStream(caseId), { from: cached ? cached.revision + 1n : 0n })) events.push(event);
    } catch (error) {
      if (error instanceof Error && error.name === 'StreamNotFoundError') return undefined;
      throw error;
    }
    const first = events[0];
    const header = cached?.header ?? (first && caseHeaderOf(first));
    const revision = events.at(-1)?.revision ?? cached?.revision;
    if (!header || revision === undefined) return undefined;
    if (cached && events.length === 0) return cached;
    const loaded: LoadedCase = { header, state: fold(events.map(toEngineEvent), cached?.state), revision, deliveries: withDeliveries(cached?.deliveries, events.map((e) => e.metadata)) };
    this.remember(caseId, loaded);
    return loaded;
  }

  private async run(request: CaseCommandRequest, read: () => Promise<LoadedCase>): Promise<CaseCommandOutcome> {
    const stopTimer = this.metrics.commandSeconds.startTimer({ command: request.command.type });
    try {
      const outcome = await this.attempt(request, read);
      this.metrics.commands.inc({ command: request.command.type, outcome: 'ok' });
      return outcome;
    } catch (error) {
      this.metrics.commands.inc({ command: request.command.type, outcome: error instanceof CaseRejected ? error.reason : error instanceof ApiError ? error.code : 'error' });
      throw error;
    } finally {
      stopTimer();
    }
  }

  private async attempt(request: CaseCommandRequest, read: () => Promise<LoadedCase>): Promise<CaseCommandOutcome> {
    for (let attempt = 1; ; attempt++) {
      const current = await read();
      await request.authorize?.(current.header);
      if (request.deliveryId !== undefined && current.deliveries?.has(request.deliveryId)) {
        return { view: caseViewOf(current), header: current.header, events: [], alreadyDelivered: true };
      }
      await request.validate?.(current.header, current.state);
      const { decision, state } = await this.decideWithCalledModels(current, request);
      if (!decision.ok) throw rejectionError(decision.rejection);
      if (decision.events.length === 0) return { view: caseViewOf(current), header: current.header, events: [] };
      const metadata = this.metadataFor(request, current.header);
      const toAppend = toEventsToAppend(decision.events, orderedUuid, metadata);
      try {
        const result = await this.store.append(caseStream(request.caseId), toAppend, {
          expected: current.revision < 0n ? 'no_stream' : current.revision,
        });
        this.writePositions.record(result.position, toAppend.length);
        const next: LoadedCase = {
          header: current.header,
          state,
          revision: result.nextExpectedRevision,
          deliveries: withDeliveries(current.deliveries, [metadata]),
        };
        this.remember(request.caseId, next);
        return { view: caseViewOf(next), header: next.header, events: decision.events, position: result.position };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        this.metrics.appendConflicts.inc();
        this.cache.delete(request.caseId);
        if (current.revision < 0n) throw new CaseRejected('already_done', `Case ${request.caseId} already exists`);
        if (attempt >= MAX_ATTEMPTS) throw new CaseRejected('contended', `Case ${request.caseId} is changing too fast; try again`);
      }
    }
  }

  /**
   * `decideAndEvolve` on the case's model, with the called processes it runs or reaches read from the
   * definitions store (`CalledModels`): when the engine asked for one that memory did not hold,
   * or whose latest version changed, the case is decided again, as decide is pure.
   */
  private async decideWithCalledModels(current: LoadedCase, request: CaseCommandRequest): Promise<{ decision: Decision; state: CaseState }> {
    const model = await this.definitions.model(current.header.zoneId, current.header.definitionKey, current.header.version);
    const calledModels = new CalledModels(this.definitions, current.header.zoneId);
    await calledModels.preload(current.state);
    const ctx: EngineContext = {
      now: request.now ?? this.clock.now(),
      // Time-ordered ids: the store's id index and the read models' keys (tasks, timers,
      // element instances) then grow at their end instead of touching a random page per row.
      newId: orderedUuid,
      calendar: this.calendars.forZone(current.header.zoneId),
      actor: request.actor && { id: request.actor.id, roles: request.actor.roles, groups: request.actor.groups },
      resolveModel: calledModels.resolve,
    };
    let decided = decideAndEvolve(model, current.state, request.command, ctx);
    for (let round = 1; round < MAX_CALLED_MODEL_ROUNDS && (await calledModels.settle()); round++) decided = decideAndEvolve(model, current.state, request.command, ctx);
    return decided;
  }

  private metadataFor(request: CaseCommandRequest, header: CaseHeader): Record<string, unknown> {
    const commandId = randomUUID();
    return {
      actor: request.actor ? { id: request.actor.id, roles: request.actor.roles, zoneId: request.actor.zoneId } : { id: 'system', roles: [], zoneId: 'province' },
      zoneId: header.zoneId,
      correlationId: request.correlationId ?? commandId,
      causationId: request.causationId ?? commandId,
      commandId,
      command: request.command.type,
      wallClock: new Date().toISOString(),
      engineTime: request.now ?? this.clock.now(),
      definitionKey: header.definitionKey,
      definitionVersion: header.version,
      ...(request.deliveryId !== undefined ? { deliveryId: request.deliveryId } : {}),
    };
  }

  private remember(caseId: string, loaded: LoadedCase): void {
    if (FOLD_CACHE_LIMIT === 0) return;
    this.cache.delete(caseId);
    this.cache.set(caseId, loaded);
    if (this.cache.size > FOLD_CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
  }
}

/** `known` with the `deliveryId`s of these events' metadata (the same set when they carry none). */
function withDeliveries(known: ReadonlySet<string> | undefined, metadata: readonly Record<string, unknown>[]): ReadonlySet<string> | undefined {
  const ids = metadata.map((m) => m['deliveryId']).filter((id): id is string => typeof id === 'string');
  return ids.length === 0 ? known : new Set([...(known ?? []), ...ids]);
}
