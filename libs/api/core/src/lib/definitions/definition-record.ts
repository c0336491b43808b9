import type { Problem } from '@banjie/contracts';

/** Payload of `DefinitionDeployed`, the one event type of a `definition-<zone>:<key>` stream. */
export interface DefinitionRecord {
  key: string;
  version: number;
  name: string;
  hash: string;
  zoneId: string;
  xml: string;
  forms: Record<string, unknown>;
  /** DMN resources deployed with the flow: file name → DMN XML (absent in records from before DMN). */
  decisions?: Record<string, string>;
  warnings: Problem[];
  deployedAt: string;
  deployedBy?: string;
  /** Names of the model's message start events, so a message can start a case. */
  messageStartNames: string[];
}

export const DEFINITION_DEPLOYED = 'DefinitionDeployed';

/**
 * Name of the stream holding every version of one zone's process key. A process id is an XML
 * NCName, which has no `:`, so no key of the old layout (`definition-<key>`) is read as one of these.
 */
export function definitionStream(zoneId: string, key: string): string {
  return `definition-${zoneId}:${key}`;
}

/**
 * The stream of a key in the layout of before zone-scoped keys, when a key was global: it stays
 * the stream of the zone whose versions it holds (its first `DefinitionDeployed` names the zone).
 */
export function legacyDefinitionStream(key: string): string {
  return `definition-${key}`;
}

/**
 * The `DefinitionDeployed` payload of a recorded event, or undefined for any other type; throws
 * when a `DefinitionDeployed` lacks its key, version or XML (a stream written by something else).
 */
export function decodeDefinitionDeployed(recorded: { type: string; data: unknown }): DefinitionRecord | undefined {
  if (recorded.type !== DEFINITION_DEPLOYED) return undefined;
  const data = recorded.data as Partial<DefinitionRecord> | null;
  if (typeof data?.key !== 'string' || typeof data.version !== 'number' || typeof data.xml !== 'string') {
    throw new Error(`${DEFINITION_DEPLOYED}: the payload must carry key, version and xml`);
  }
  return { ...data, messageStartNames: data.messageStartNames ?? [], warnings: data.warnings ?? [], forms: data.forms ?? {} } as DefinitionRecord;
}

/** `DefinitionWithdrawn`: the key starts no new case from now on; running cases go on. */
export const DEFINITION_WITHDRAWN = 'DefinitionWithdrawn';
/** `DefinitionRestored`: a withdrawn key starts cases again. */
export const DEFINITION_RESTORED = 'DefinitionRestored';

/** Payload of `DefinitionWithdrawn` and `DefinitionRestored`. */
export interface DefinitionStatusChange {
  key: string;
  zoneId: string;
  /** When it changed (the api's clock). */
  at: string;
  by?: string;
}

/** Name of the stream holding the withdrawals and restorations of one zone's key (its versions stay in `definition-<zone>:<key>`). */
export function definitionStatusStream(zoneId: string, key: string): string {
  return `withdrawal-${zoneId}:${key}`;
}

/** The withdrawal stream of a key of the old layout (`withdrawal-<key>`), beside its `definition-<key>`. */
export function legacyDefinitionStatusStream(key: string): string {
  return `withdrawal-${key}`;
}

/** The withdrawal or restoration of a recorded event, or undefined for any other type. */
export function decodeDefinitionStatusChange(recorded: { type: string; data: unknown }): (DefinitionStatusChange & { withdrawn: boolean }) | undefined {
  if (recorded.type !== DEFINITION_WITHDRAWN && recorded.type !== DEFINITION_RESTORED) return undefined;
  const data = recorded.data as Partial<DefinitionStatusChange> | null;
  if (typeof data?.key !== 'string' || typeof data.zoneId !== 'string' || typeof data.at !== 'string') {
    throw new Error(`${recorded.type}: the payload must carry key, zoneId and at`);
  }
  return { key: data.key, zoneId: data.zoneId, at: data.at, by: data.by, withdrawn: recorded.type === DEFINITION_WITHDRAWN };
}
