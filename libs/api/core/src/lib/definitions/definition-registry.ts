import { Inject, Injectable } from '@nestjs/common';
import { compile, type ProcessModel, type ResolvedModel } from '@banjie/engine';
import { WrongExpectedRevisionError, type EventStore } from '@banjie/event-store';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../actor';
import { CLOCK, type Clock } from '../clock/clock';
import { ApiError } from '../errors/api-error';
import { EVENT_STORE } from '../store/event-store.token';
import { WritePositions } from '../store/write-positions';
import { definitionHash } from './definition-hash';
import { DEFINITION_DEPLOYED, definitionStream, type DefinitionRecord } from './definition-record';

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
  ) {}

  /** Compiles and deploys a model in a zone; the same XML and forms again returns the existing version. */
  async deploy(xml: string, forms: Record<string, unknown>, zoneId: string, actor?: Actor): Promise<Deployment> {
    if (/<!DOCTYPE/i.test(xml)) {
      throw new ApiError('invalid_bpmn', 'XML with a DOCTYPE is refused', [{ message: 'DOCTYPE declarations are not allowed' }]);
    }
    const compiled = await compile(xml, { forms });
    if (!compiled.ok) throw new ApiError('invalid_bpmn', 'The BPMN model cannot be deployed', compiled.problems.map((p) => ({ ...p })));
    const { model, warnings } = compiled;
    const hash = definitionHash(xml, forms);
    for (let attempt = 1; ; attempt++) {
      const known = await this.refresh(model.key);
      const latest = known.at(-1);
      if (latest && latest.zoneId !== zoneId) throw ApiError.conflict(`Process key ${model.key} belongs to another zone`);
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
    const compiled = await compile(record.xml, { forms: record.forms });
    if (!compiled.ok) throw new ApiError('invalid_bpmn', `Deployed definition ${key} v${version} no longer compiles`, compiled.problems.map((p) => ({ ...p })));
    return compiled.model;
  }

  private async refresh(key: string): Promise<DefinitionRecord[]> {
    const known = [...(this.versions.get(key) ?? [])];
    try {
      for await (const event of this.store.readStream(definitionStream(key), { from: BigInt(known.length) })) {
        if (event.type === DEFINITION_DEPLOYED) known.push(event.data as DefinitionRecord);
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
