import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ProcessModel, ResolvedModel } from '@banjie/engine';
import { WrongExpectedRevisionError, type EventStore } from '@banjie/event-store';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../actor';
import { CLOCK, type Clock } from '../clock/clock';
import { ApiError } from '../errors/api-error';
import { EVENT_STORE } from '../store/event-store.token';
import { WritePositions } from '../store/write-positions';
import { definitionHash } from './definition-hash';
import { MODEL_COMPILER, inProcessModelCompiler, type ModelCompiler } from './model-compiler';
import { ZONES } from '@banjie/contracts';
import { DEFINITION_DEPLOYED, decodeDefinitionDeployed, definitionStream, legacyDefinitionStream, type DefinitionRecord } from './definition-record';
import { DEFINITION_RESTORED, DEFINITION_WITHDRAWN, decodeDefinitionStatusChange, definitionStatusStream, legacyDefinitionStatusStream, type DefinitionStatusChange } from './definition-record';

/** Result of a deployment: `created` is false when the same XML and forms were already deployed. */
export interface Deployment {
  created: boolean;
  definition: DefinitionRecord;
}

const MAX_DEPLOY_ATTEMPTS = 5;

/** The streams of one zone's key: its versions and its withdrawals. */
interface KeyStreams {
  readonly definition: string;
  readonly status: string;
  /** The old layout's streams (`definition-<key>`), of a key deployed before keys were zone-scoped. */
  readonly legacy: boolean;
}

/**
 * The deployed process definitions. A process key belongs to its zone: zones deploy the same key
 * independently, each with its own versions, as `DefinitionDeployed` events of the
 * `definition-<zone>:<key>` stream. A key deployed before keys were zone-scoped stays in its
 * `definition-<key>` stream, read and appended to as the key of the zone that deployed it.
 * Keeps what it has read and the compiled models in memory.
 */
@Injectable()
export class DefinitionRegistry {
  /** Versions by `<zone>:<key>`. */
  private readonly versions = new Map<string, DefinitionRecord[]>();
  private readonly streams = new Map<string, KeyStreams>();
  /** The zone whose versions the old layout's stream of a key holds (undefined: no such stream). */
  private readonly legacyOwners = new Map<string, string | undefined>();
  private readonly models = new Map<string, Promise<ProcessModel>>();
  private readonly compiled = new Map<string, ProcessModel>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly writePositions: WritePositions,
    @Optional() @Inject(MODEL_COMPILER) private readonly compiler: ModelCompiler = inProcessModelCompiler,
  ) {}

  /**
   * Compiles and deploys a model in a zone with its forms and DMN resources (file name → DMN XML);
   * the same XML, forms and DMN again returns the existing version.
   */
  async deploy(xml: string, forms: Record<string, unknown>, zoneId: string, actor?: Actor, decisions: Record<string, string> = {}): Promise<Deployment> {
    if (/<!DOCTYPE/i.test(xml)) {
      throw new ApiError('invalid_bpmn', 'XML with a DOCTYPE is refused', [{ message: 'DOCTYPE declarations are not allowed' }]);
    }
    const { compiled, findings } = await this.compiler.compile(xml, forms, true, decisions);
    // The designer's canvas runs the same Banjie lint rules: its errors refuse, its warnings go with the deployment.
    const linted = (category: 'error' | 'warn') => findings.filter((f) => f.category === category).map(({ elementId, elementType, message }) => ({ elementId, elementType, message }));
    if (!compiled.ok || linted('error').length > 0) {
      const errors = linted('error');
      const alsoLinted = (p: { elementId?: string; message: string }) => errors.some((e) => e.elementId === p.elementId && e.message.includes(p.message));
      const problems = compiled.ok ? [] : compiled.problems.filter((p) => !alsoLinted(p)).map((p) => ({ ...p }));
      const inDmn = problems.some((p) => p.elementType?.startsWith('dmn:'));
      throw new ApiError('invalid_bpmn', inDmn ? 'A DMN resource of the deployment cannot be deployed' : 'The BPMN model cannot be deployed', [...errors, ...problems]);
    }
    const { model } = compiled;
    const warnings = [...compiled.warnings, ...linted('warn')];
    const hash = definitionHash(xml, forms, decisions);
    for (let attempt = 1; ; attempt++) {
      // Another zone's versions of the same key are neither read nor touched: this zone's key is its own.
      const known = await this.refresh(zoneId, model.key);
      const latest = known.at(-1);
      if (latest?.hash === hash) return { created: false, definition: latest };
      const record: DefinitionRecord = {
        key: model.key,
        version: (latest?.version ?? 0) + 1,
        name: model.name || model.key,
        hash,
        zoneId,
        xml,
        forms,
        ...(Object.keys(decisions).length > 0 ? { decisions } : {}),
        warnings: warnings.map((w) => ({ ...w })),
        deployedAt: this.clock.now(),
        deployedBy: actor?.id,
        messageStartNames: model.messageStartEvents.map((m) => m.messageName),
      };
      try {
        const expected = latest ? BigInt(known.length - 1) : 'no_stream';
        const result = await this.store.append(
          (await this.streamsOf(zoneId, model.key)).definition,
          [{ id: randomUUID(), type: DEFINITION_DEPLOYED, data: record, metadata: { v: 1, actor: actor && { id: actor.id, roles: actor.roles, zoneId: actor.zoneId }, zoneId } }],
          { expected },
        );
        this.writePositions.record(result.position);
        this.versions.set(zoneKey(zoneId, model.key), [...known, record]);
        return { created: true, definition: record };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_DEPLOY_ATTEMPTS) throw error;
      }
    }
  }

  /** Whether a zone's key is withdrawn now: it starts no new case, running cases go on. */
  async isWithdrawn(zoneId: string, key: string): Promise<boolean> {
    return (await this.readStatus(zoneId, key)).withdrawn;
  }

  /**
   * Withdraws a key of the actor's zone (`withdrawn: true`) or restores it, by its zone's designer:
   * a `DefinitionWithdrawn` / `DefinitionRestored` event of its `withdrawal-<zone>:<key>` stream.
   * 404 for a key the zone has not deployed, 409 when it is already so.
   */
  async setWithdrawn(key: string, withdrawn: boolean, actor: Actor): Promise<DefinitionStatusChange & { withdrawn: boolean }> {
    const latest = (await this.refresh(actor.zoneId, key)).at(-1);
    if (!latest) throw ApiError.notFound(`Definition ${key}`);
    const status = await this.readStatus(latest.zoneId, key);
    if (status.withdrawn === withdrawn) {
      throw new ApiError('conflict', withdrawn ? `Definition ${key} is already withdrawn` : `Definition ${key} is not withdrawn`);
    }
    const change: DefinitionStatusChange = { key, zoneId: latest.zoneId, at: this.clock.now(), by: actor.id };
    const result = await this.store.append(
      (await this.streamsOf(latest.zoneId, key)).status,
      [{ id: randomUUID(), type: withdrawn ? DEFINITION_WITHDRAWN : DEFINITION_RESTORED, data: change, metadata: { v: 1, actor: { id: actor.id, roles: actor.roles, zoneId: actor.zoneId }, zoneId: latest.zoneId } }],
      { expected: status.events === 0 ? 'no_stream' : BigInt(status.events - 1) },
    );
    this.writePositions.record(result.position);
    return { ...change, withdrawn };
  }

  private async readStatus(zoneId: string, key: string): Promise<{ withdrawn: boolean; events: number }> {
    let withdrawn = false;
    let events = 0;
    const stream = (await this.streamsOf(zoneId, key)).status;
    try {
      for await (const event of this.store.readStream(stream)) {
        events++;
        const change = decodeDefinitionStatusChange(event);
        if (change) withdrawn = change.withdrawn;
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    }
    return { withdrawn, events };
  }

  /** A version of a zone's key (the latest when `version` is undefined), or undefined. */
  async find(zoneId: string, key: string, version?: number): Promise<DefinitionRecord | undefined> {
    let known = this.versions.get(zoneKey(zoneId, key));
    if (!known || (version !== undefined && version > known.length) || version === undefined) known = await this.refresh(zoneId, key);
    return chosenVersion(known, version);
  }

  /** The zones that deployed a key, in the order of `ZONES` (for province-wide users, who name no zone of their own). */
  async zonesWith(key: string): Promise<string[]> {
    const deployed = await Promise.all(ZONES.map(async (zoneId) => (await this.refresh(zoneId, key)).length > 0));
    return ZONES.filter((_, i) => deployed[i]);
  }

  /**
   * Whether a zone's key lives in the old layout's stream (`definition-<key>`, deployed before keys
   * were zone-scoped): ids derived from the key alone stay as they were for it.
   */
  async isLegacyKey(zoneId: string, key: string): Promise<boolean> {
    return (await this.streamsOf(zoneId, key)).legacy;
  }

  /** The executable model of a deployed version of a zone's key, compiled once. */
  async model(zoneId: string, key: string, version: number): Promise<ProcessModel> {
    const id = `${zoneKey(zoneId, key)}@${version}`;
    let model = this.models.get(id);
    if (!model) {
      model = this.compileDeployed(zoneId, key, version);
      this.models.set(id, model);
      model.then(
        (m) => this.compiled.set(id, m),
        () => this.models.delete(id),
      );
    }
    return model;
  }

  /**
   * A version of a key deployed in a zone (the latest when `version` is undefined) as far as this
   * instance has read and compiled it, for callers that cannot wait: the engine's `resolveModel`.
   */
  compiledInZone(zoneId: string, key: string, version?: number): ResolvedModel | undefined {
    const record = chosenVersion(this.versions.get(zoneKey(zoneId, key)) ?? [], version);
    if (!record) return undefined;
    const model = this.compiled.get(`${zoneKey(zoneId, key)}@${record.version}`);
    return model && { model, version: record.version };
  }

  /** `compiledInZone` after reading the versions of the key deployed since (by any instance) and compiling the one chosen. */
  async loadInZone(zoneId: string, key: string, version?: number): Promise<ResolvedModel | undefined> {
    const record = chosenVersion(await this.refresh(zoneId, key), version);
    if (!record) return undefined;
    return { model: await this.model(zoneId, key, record.version), version: record.version };
  }

  private async compileDeployed(zoneId: string, key: string, version: number): Promise<ProcessModel> {
    const record = await this.find(zoneId, key, version);
    if (!record) throw ApiError.notFound(`Definition ${key} version ${version}`);
    const { compiled } = await this.compiler.compile(record.xml, record.forms, false, record.decisions);
    if (!compiled.ok) throw new ApiError('invalid_bpmn', `Deployed definition ${key} v${version} no longer compiles`, compiled.problems.map((p) => ({ ...p })));
    return compiled.model;
  }

  private async refresh(zoneId: string, key: string): Promise<DefinitionRecord[]> {
    const id = zoneKey(zoneId, key);
    const known = [...(this.versions.get(id) ?? [])];
    const stream = (await this.streamsOf(zoneId, key)).definition;
    try {
      for await (const event of this.store.readStream(stream, { from: BigInt(known.length) })) {
        const record = decodeDefinitionDeployed(event);
        if (record) known.push(record);
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    }
    this.versions.set(id, known);
    return known;
  }

  /** The streams of a zone's key: the old layout's when that zone deployed the key before keys were zone-scoped. */
  private async streamsOf(zoneId: string, key: string): Promise<KeyStreams> {
    const id = zoneKey(zoneId, key);
    let streams = this.streams.get(id);
    if (!streams) {
      const legacy = (await this.legacyOwner(key)) === zoneId;
      streams = legacy
        ? { definition: legacyDefinitionStream(key), status: legacyDefinitionStatusStream(key), legacy }
        : { definition: definitionStream(zoneId, key), status: definitionStatusStream(zoneId, key), legacy };
      this.streams.set(id, streams);
    }
    return streams;
  }

  /** The zone of the first version in the old layout's stream of a key; no stream of that layout is started any more. */
  private async legacyOwner(key: string): Promise<string | undefined> {
    if (this.legacyOwners.has(key)) return this.legacyOwners.get(key);
    let owner: string | undefined;
    try {
      for await (const event of this.store.readStream(legacyDefinitionStream(key), { maxCount: 1 })) owner = decodeDefinitionDeployed(event)?.zoneId;
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    }
    this.legacyOwners.set(key, owner);
    return owner;
  }
}

function zoneKey(zoneId: string, key: string): string {
  return `${zoneId}:${key}`;
}

function isStreamNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === 'StreamNotFoundError';
}

function chosenVersion(known: readonly DefinitionRecord[], version: number | undefined): DefinitionRecord | undefined {
  return version === undefined ? known.at(-1) : known.find((d) => d.version === version);
}
