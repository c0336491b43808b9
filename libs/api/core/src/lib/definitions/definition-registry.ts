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
import { DEFINITION_DEPLOYED, decodeDefinitionDeployed, definitionStream, type DefinitionRecord } from './definition-record';
import { DEFINITION_RESTORED, DEFINITION_WITHDRAWN, decodeDefinitionStatusChange, definitionStatusStream, type DefinitionStatusChange } from './definition-record';

/** Result of a deployment: `created` is false when the same XML and forms were already deployed. */
export interface Deployment {
  created: boolean;
  definition: DefinitionRecord;
}

const MAX_DEPLOY_ATTEMPTS = 5;

/**
 * The deployed process definitions: every version of a key is a `DefinitionDeployed` event of
 * its `definition-<key>` stream. Keeps what it has read and the compiled models in memory.
 */
@Injectable()
export class DefinitionRegistry {
  private readonly versions = new Map<string, DefinitionRecord[]>();
  private readonly models = new Map<string, Promise<ProcessModel>>();
  private readonly compiled = new Map<string, ProcessModel>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly writePositions: WritePositions,
    @Optional() @Inject(MODEL_COMPILER) private readonly compiler: ModelCompiler = inProcessModelCompiler,
  ) {}

  /** Compiles and deploys a model in a zone; the same XML and forms again returns the existing version. */
  async deploy(xml: string, forms: Record<string, unknown>, zoneId: string, actor?: Actor): Promise<Deployment> {
    if (/<!DOCTYPE/i.test(xml)) {
      throw new ApiError('invalid_bpmn', 'XML with a DOCTYPE is refused', [{ message: 'DOCTYPE declarations are not allowed' }]);
    }
    const { compiled, findings } = await this.compiler.compile(xml, forms, true);
    // The designer's canvas runs the same Banjie lint rules: its errors refuse, its warnings go with the deployment.
    const linted = (category: 'error' | 'warn') => findings.filter((f) => f.category === category).map(({ elementId, elementType, message }) => ({ elementId, elementType, message }));
    if (!compiled.ok || linted('error').length > 0) {
      const errors = linted('error');
      const alsoLinted = (p: { elementId?: string; message: string }) => errors.some((e) => e.elementId === p.elementId && e.message.includes(p.message));
      throw new ApiError('invalid_bpmn', 'The BPMN model cannot be deployed', [...errors, ...(compiled.ok ? [] : compiled.problems.filter((p) => !alsoLinted(p)).map((p) => ({ ...p })))]);
    }
    const { model } = compiled;
    const warnings = [...compiled.warnings, ...linted('warn')];
    const hash = definitionHash(xml, forms);
    for (let attempt = 1; ; attempt++) {
      const known = await this.refresh(model.key);
      const latest = known.at(-1);
      // Another zone's key is neither overwritten nor named: the answer says nothing of whose it is.
      if (latest && latest.zoneId !== zoneId) throw ApiError.conflict(`Process key ${model.key} cannot be deployed by your zone: give the process another id`);
      if (latest?.hash === hash) return { created: false, definition: latest };
      const record: DefinitionRecord = {
        key: model.key,
        version: (latest?.version ?? 0) + 1,
        name: model.name || model.key,
        hash,
        zoneId,
        xml,
        forms,
        warnings: warnings.map((w) => ({ ...w })),
        deployedAt: this.clock.now(),
        deployedBy: actor?.id,
        messageStartNames: model.messageStartEvents.map((m) => m.messageName),
      };
      try {
        const expected = latest ? BigInt(known.length - 1) : 'no_stream';
        const result = await this.store.append(
          definitionStream(model.key),
          [{ id: randomUUID(), type: DEFINITION_DEPLOYED, data: record, metadata: { v: 1, actor: actor && { id: actor.id, roles: actor.roles, zoneId: actor.zoneId }, zoneId } }],
          { expected },
        );
        this.writePositions.record(result.position);
        this.versions.set(model.key, [...known, record]);
        return { created: true, definition: record };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_DEPLOY_ATTEMPTS) throw error;
      }
    }
  }

  /** Whether a key is withdrawn now: it starts no new case, running cases go on. */
  async isWithdrawn(key: string): Promise<boolean> {
    return (await this.readStatus(key)).withdrawn;
  }

  /**
   * Withdraws a key (`withdrawn: true`) or restores it, by its zone's designer: a
   * `DefinitionWithdrawn` / `DefinitionRestored` event of its `withdrawal-<key>` stream.
   * 404 for an unknown key or one of another zone, 409 when it is already so.
   */
  async setWithdrawn(key: string, withdrawn: boolean, actor: Actor): Promise<DefinitionStatusChange & { withdrawn: boolean }> {
    const latest = (await this.refresh(key)).at(-1);
    if (!latest || latest.zoneId !== actor.zoneId) throw ApiError.notFound(`Definition ${key}`);
    const status = await this.readStatus(key);
    if (status.withdrawn === withdrawn) {
      throw new ApiError('conflict', withdrawn ? `Definition ${key} is already withdrawn` : `Definition ${key} is not withdrawn`);
    }
    const change: DefinitionStatusChange = { key, zoneId: latest.zoneId, at: this.clock.now(), by: actor.id };
    const result = await this.store.append(
      definitionStatusStream(key),
      [{ id: randomUUID(), type: withdrawn ? DEFINITION_WITHDRAWN : DEFINITION_RESTORED, data: change, metadata: { v: 1, actor: { id: actor.id, roles: actor.roles, zoneId: actor.zoneId }, zoneId: latest.zoneId } }],
      { expected: status.events === 0 ? 'no_stream' : BigInt(status.events - 1) },
    );
    this.writePositions.record(result.position);
    return { ...change, withdrawn };
  }

  private async readStatus(key: string): Promise<{ withdrawn: boolean; events: number }> {
    let withdrawn = false;
    let events = 0;
    try {
      for await (const event of this.store.readStream(definitionStatusStream(key))) {
        events++;
        const change = decodeDefinitionStatusChange(event);
        if (change) withdrawn = change.withdrawn;
      }
    } catch (error) {
      if (!(error instanceof Error && error.name === 'StreamNotFoundError')) throw error;
    }
    return { withdrawn, events };
  }

  /** A version of a key (the latest when `version` is undefined), or undefined. */
  async find(key: string, version?: number): Promise<DefinitionRecord | undefined> {
    let known = this.versions.get(key);
    if (!known || (version !== undefined && version > known.length) || version === undefined) known = await this.refresh(key);
    return chosenVersion(known, version);
  }

  /** The executable model of a deployed version, compiled once. */
  async model(key: string, version: number): Promise<ProcessModel> {
    const id = `${key}@${version}`;
    let model = this.models.get(id);
    if (!model) {
      model = this.compileDeployed(key, version);
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
    const record = chosenVersion(this.versions.get(key) ?? [], version);
    if (record?.zoneId !== zoneId) return undefined;
    const model = this.compiled.get(`${key}@${record.version}`);
    return model && { model, version: record.version };
  }

  /** `compiledInZone` after reading the versions of the key deployed since (by any instance) and compiling the one chosen. */
  async loadInZone(zoneId: string, key: string, version?: number): Promise<ResolvedModel | undefined> {
    const record = chosenVersion(await this.refresh(key), version);
    if (record?.zoneId !== zoneId) return undefined;
    return { model: await this.model(key, record.version), version: record.version };
  }

  private async compileDeployed(key: string, version: number): Promise<ProcessModel> {
    const record = await this.find(key, version);
    if (!record) throw ApiError.notFound(`Definition ${key} version ${version}`);
    const { compiled } = await this.compiler.compile(record.xml, record.forms, false);
    if (!compiled.ok) throw new ApiError('invalid_bpmn', `Deployed definition ${key} v${version} no longer compiles`, compiled.problems.map((p) => ({ ...p })));
    return compiled.model;
  }

  private async refresh(key: string): Promise<DefinitionRecord[]> {
    const known = [...(this.versions.get(key) ?? [])];
    try {
      for await (const event of this.store.readStream(definitionStream(key), { from: BigInt(known.length) })) {
        const record = decodeDefinitionDeployed(event);
        if (record) known.push(record);
      }
    } catch (error) {
      if (!(error instanceof Error && error.name === 'StreamNotFoundError')) throw error;
    }
    this.versions.set(key, known);
    return known;
  }
}

function chosenVersion(known: readonly DefinitionRecord[], version: number | undefined): DefinitionRecord | undefined {
  return version === undefined ? known.at(-1) : known.find((d) => d.version === version);
}
