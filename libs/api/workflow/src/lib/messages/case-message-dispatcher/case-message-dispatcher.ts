import { Inject, Injectable, Logger, OnModuleDestroy, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ZoneId } from '@banjie/contracts';
import { API_CONFIG, ApiError, ApiMetrics, CLOCK, CaseCommands, CaseRejected, isSettledRefusal, DefinitionRegistry, EVENT_STORE, comparePositions, type Actor, type ApiConfig, type Clock } from '@banjie/api-core';
import { DefinitionList, ProjectionRunner, READ_MODEL_DB, SignalSubscriptions } from '@banjie/api-projections';
import { CASE_STREAM_PREFIX, caseIdOfStream, decodeCaseEvent, handleCaseEvent, handledTypes, type CaseEventHandlers, type EngineEventData } from '@banjie/engine';
import type { EventStore, RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { Counter, Gauge } from 'prom-client';
import { v5 as uuidV5 } from 'uuid';
import { CorrelateMessageCommand } from '../correlate-message/correlate-message.command';
import { MessageBuffer, type BufferedMessage } from './message-buffer';

/** Injection token of the dispatcher's options (tests shorten its back-off and sweep). */
export const CASE_MESSAGE_DISPATCHER_OPTIONS = Symbol('CaseMessageDispatcherOptions');

export interface CaseMessageDispatcherOptions {
  /** The wait before the first retry of an event that failed (1 s by default), doubled after each failure. */
  retryDelayMs?: number;
  /** The longest wait between two retries (60 s by default). */
  maxRetryDelayMs?: number;
  /** How often expired messages are looked for (10 s by default). */
  sweepMs?: number;
}

/** A case event the dispatcher reads, with where it comes from. */
interface SourceEvent {
  readonly event: RecordedEvent;
  readonly caseId: string;
  readonly zoneId: ZoneId;
}
const SIGNAL_START_NAMESPACE = '9b1e4c7a-2d5f-5e83-a6c0-7f3b8d1e2a45';

/**
 * Carries messages and signals from the case that sent them to the other cases of its zone.
 * Follows the store (`MessageSent`, `SignalThrown`, `MessageSubscriptionOpened` of case streams)
 * from its own checkpoint (its first run on a store begins at the store's end) and, for each
 * event, once the read models hold it:
 * - a message goes through `CorrelateMessageCommand` to the cases of the sender's zone waiting
 *   for its name and key (and starts the zone's definitions with that message start event); when
 *   none waits it is kept for its time to live (`BANJIE_MESSAGE_TTL`) and correlated to a case
 *   of the zone that begins to wait for it in that time, once per definition, then dropped with
 *   a logged reason;
 * - a signal reaches every other case of the zone subscribed to it when it was thrown, and starts
 *   the zone's latest definitions with that signal start event.
 * Every delivery carries the source event's id as its `deliveryId`, which the case takes once, so
 * an event read again after a crash (before the checkpoint moved) is not delivered twice. An
 * event that fails is retried with back-off, counted, and never skipped.
 */
@Injectable()
export class CaseMessageDispatcher implements OnModuleDestroy {
  private readonly logger = new Logger('CaseMessages');
  private readonly buffer: MessageBuffer;
  private readonly delivered: Counter<'kind'>;
  private readonly failures: Counter<'kind'>;
  private readonly dropped: Counter;
  private readonly kept: Gauge;
  private abort?: AbortController;
  private running?: Promise<void>;
  private sweeper?: NodeJS.Timeout;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly sweepMs: number;
  /** What the dispatcher does with each case event it reads (the store filter reads only these types). */
  private readonly handlers: CaseEventHandlers<SourceEvent, Promise<void>> = {
    MessageSent: (sent, source) => this.deliverMessage(source, sent),
    SignalThrown: (thrown, source) => this.broadcastSignal(source, thrown),
    MessageSubscriptionOpened: (opened, source) => this.correlateKept(source, opened),
  };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) db: Database.Database,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly commandBus: CommandBus,
    private readonly cases: CaseCommands,
    private readonly projections: ProjectionRunner,
    private readonly signalSubscriptions: SignalSubscriptions,
    private readonly definitionList: DefinitionList,
    private readonly definitions: DefinitionRegistry,
    metrics: ApiMetrics,
    @Optional() @Inject(CASE_MESSAGE_DISPATCHER_OPTIONS) options: CaseMessageDispatcherOptions = {},
  ) {
    this.buffer = new MessageBuffer(db);
    this.retryDelayMs = options.retryDelayMs ?? 1_000;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 60_000;
    this.sweepMs = options.sweepMs ?? 10_000;
    const registers = [metrics.registry];
    this.delivered = new Counter({ name: 'banjie_case_messages_delivered_total', help: 'Messages and signals delivered from one case to another, by kind', labelNames: ['kind'], registers });
    this.failures = new Counter({ name: 'banjie_case_message_failures_total', help: 'Failed attempts to deliver a message or signal between cases (each is retried), by kind', labelNames: ['kind'], registers });
    this.dropped = new Counter({ name: 'banjie_case_messages_dropped_total', help: 'Messages between cases dropped because their time to live ended', registers });
    this.kept = new Gauge({ name: 'banjie_case_messages_kept', help: 'Messages between cases waiting for a case to correlate them', registers });
  }

  /** Starts following the store from the checkpoint (after the read models started). */
  start(): void {
    if (this.running) throw new Error('Case message dispatcher already running');
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.running = this.follow(signal).catch((error: unknown) => {
      if (!signal.aborted) this.logger.error(`Message and signal delivery stopped: ${String(error)}`);
    });
    this.sweeper = setInterval(() => this.dropExpired(), this.sweepMs);
    this.sweeper.unref();
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    if (this.sweeper) clearInterval(this.sweeper);
    await this.running;
    this.running = undefined;
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /** Drops the kept messages whose time to live has ended, logging why. */
  dropExpired(): void {
    for (const message of this.buffer.expire(this.clock.now())) {
      this.dropped.inc();
      this.logger.warn(
        `Message "${message.messageName}" (key "${message.correlationKey}") of case ${message.senderCaseId} in zone ${message.zoneId} dropped: ` +
          `no case waited for it before its time to live ended at ${message.expiresAt}`,
      );
    }
    this.kept.set(this.buffer.size());
  }

  private async follow(signal: AbortSignal): Promise<void> {
    const filter = { streamPrefix: [CASE_STREAM_PREFIX], eventTypes: handledTypes(this.handlers) };
    const checkpoint = this.buffer.checkpoint();
    // The first run on a store begins at its end: what was written before delivery existed stays undelivered.
    let skipping = checkpoint === undefined;
    for await (const item of this.store.subscribeToAll({ after: checkpoint?.position, filter, signal })) {
      if (item.kind === 'caughtUp') {
        if (skipping) {
          this.buffer.saveCheckpoint(item.position);
          if (item.position !== undefined) this.logger.log(`Messages and signals between cases are delivered from store position ${item.position} on (the first run on this store)`);
        }
        skipping = false;
        continue;
      }
      if (skipping) continue;
      await this.untilDone(item.event, signal);
      if (signal.aborted) return;
      this.buffer.saveCheckpoint(item.event.position);
    }
  }

  /** Dispatches one event, retrying with back-off until it succeeds or the dispatcher stops. */
  private async untilDone(event: RecordedEvent, signal: AbortSignal): Promise<void> {
    for (let delay = this.retryDelayMs; !signal.aborted; delay = Math.min(delay * 2, this.maxRetryDelayMs)) {
      try {
        await this.readModelsHold(event.position, signal);
        if (!signal.aborted) await this.dispatch(event);
        return;
      } catch (error) {
        const kind = event.type === 'SignalThrown' ? 'signal' : 'message';
        this.failures.inc({ kind });
        this.logger.error(`Delivering ${event.type} ${event.stream}@${event.revision} failed, retrying in ${delay} ms: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(delay, signal);
      }
    }
  }

  /** Waits until the read models hold `position`: the subscriptions they show are those of that moment or later. */
  private async readModelsHold(position: string, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const projected = this.projections.projectedPosition;
      if (projected !== undefined && comparePositions(projected, position) >= 0) return;
      await this.projections.waitFor(position, 1_000);
    }
  }

  private async dispatch(event: RecordedEvent): Promise<void> {
    const caseId = caseIdOfStream(event.stream);
    const zoneId = zoneOf(event);
    // a malformed payload throws here: the event is retried, never skipped
    const decoded = decodeCaseEvent({ type: event.type, data: event.data, v: payloadVersion(event) });
    if (!caseId || !zoneId || !decoded) return;
    this.dropExpired();
    await handleCaseEvent(this.handlers, decoded, { event, caseId, zoneId });
  }

  private async deliverMessage({ event, caseId: senderCaseId, zoneId }: SourceEvent, sent: EngineEventData['MessageSent']): Promise<void> {
    const expiresAt = new Date(Date.parse(sent.at) + this.config.messageTtlSeconds * 1_000).toISOString();
    try {
      const { caseIds } = await this.commandBus.execute(
        new CorrelateMessageCommand(sent.messageName, sent.correlationKey, sent.variables, systemActor(zoneId), correlationIdOf(event), event.id),
      );
      this.delivered.inc({ kind: 'message' }, caseIds.length);
    } catch (error) {
      if (!nothingWaited(error)) throw error;
      this.buffer.keep({ deliveryId: event.id, zoneId, messageName: sent.messageName, correlationKey: sent.correlationKey, variables: sent.variables, senderCaseId, correlationId: correlationIdOf(event), sentAt: sent.at, expiresAt });
      this.kept.set(this.buffer.size());
    }
  }

  /** A case began to wait for a message: the kept messages it matches reach it (once per definition). */
  private async correlateKept({ event, caseId, zoneId }: SourceEvent, opened: EngineEventData['MessageSubscriptionOpened']): Promise<void> {
    const definitionKey = typeof event.metadata['definitionKey'] === 'string' ? event.metadata['definitionKey'] : '';
    const at = typeof event.metadata['engineTime'] === 'string' ? event.metadata['engineTime'] : this.clock.now();
    for (const message of this.buffer.waitingFor(zoneId, opened.messageName, opened.correlationKey, at, definitionKey)) {
      await this.deliverKept(message, caseId, definitionKey);
    }
  }

  private async deliverKept(message: BufferedMessage, caseId: string, definitionKey: string): Promise<void> {
    try {
      await this.cases.execute({
        caseId,
        actor: systemActor(message.zoneId as ZoneId),
        correlationId: message.correlationId,
        deliveryId: message.deliveryId,
        command: { type: 'CorrelateMessage', name: message.messageName, correlationKey: message.correlationKey, variables: message.variables },
      });
      this.delivered.inc({ kind: 'message' });
    } catch (error) {
      // the case no longer waits (it moved on or ended): the message stays for another case
      if (isSettledRefusal(error)) return;
      throw error;
    }
    this.buffer.taken(message.deliveryId, definitionKey);
  }

  private async broadcastSignal({ event, caseId: senderCaseId, zoneId }: SourceEvent, thrown: EngineEventData['SignalThrown']): Promise<void> {
    const actor = systemActor(zoneId);
    // the sending case caught its own signal when it threw it
    const receivers = this.signalSubscriptions.waitingCases(thrown.signalName, zoneId, event.position).filter((id) => id !== senderCaseId);
    for (const caseId of receivers) {
      try {
        await this.cases.execute({ caseId, actor, correlationId: correlationIdOf(event), deliveryId: event.id, command: { type: 'BroadcastSignal', name: thrown.signalName, variables: thrown.variables } });
        this.delivered.inc({ kind: 'signal' });
      } catch (error) {
        // the case no longer waits for it (it moved on or ended); a contended case is retried
        if (!isSettledRefusal(error)) throw error;
      }
    }
    await this.startOnSignal(event, zoneId, thrown);
  }

  /** Starts a case of each latest definition of the zone with a start event for this signal. */
  private async startOnSignal(event: RecordedEvent, zoneId: ZoneId, thrown: EngineEventData['SignalThrown']): Promise<void> {
    for (const definition of this.definitionList.latest(zoneId)) {
      const model = await this.definitions.model(zoneId, definition.key, definition.version);
      for (const start of model.signalStartEvents.filter((s) => s.signalName === thrown.signalName)) {
        // named after the signal and the start event, so a second delivery finds the case there
        const caseId = uuidV5(`${event.id}\n${definition.key}\n${start.elementId}`, SIGNAL_START_NAMESPACE);
        try {
          await this.cases.start({
            caseId,
            actor: systemActor(zoneId),
            correlationId: correlationIdOf(event),
            deliveryId: event.id,
            command: { type: 'StartCase', caseId, definitionKey: definition.key, version: definition.version, zoneId, variables: thrown.variables, startEventId: start.elementId },
          });
          this.delivered.inc({ kind: 'signal' });
        } catch (error) {
          if (!(error instanceof CaseRejected) || error.reason !== 'already_done') throw error;
        }
      }
    }
  }
}

/** `CorrelateMessageCommand`'s answer when no case of the zone waits and no definition starts on the message. */
function nothingWaited(error: unknown): boolean {
  return error instanceof ApiError && !(error instanceof CaseRejected) && error.code === 'not_found';
}

/** The zone's delivery service, as the actor of the commands it sends. */
function systemActor(zoneId: ZoneId): Actor {
  return { id: 'system:case-messages', name: '消息投递 Message delivery', roles: [], zoneId, groups: [] };
}

function zoneOf(event: RecordedEvent): ZoneId | undefined {
  const zoneId = event.metadata['zoneId'];
  return typeof zoneId === 'string' && zoneId !== '' ? (zoneId as ZoneId) : undefined;
}

function payloadVersion(event: RecordedEvent): number {
  const v = event.metadata['v'];
  return typeof v === 'number' ? v : 1;
}

function correlationIdOf(event: RecordedEvent): string | undefined {
  const correlationId = event.metadata['correlationId'];
  return typeof correlationId === 'string' ? correlationId : undefined;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
