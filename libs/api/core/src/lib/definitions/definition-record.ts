import type { Problem } from '@banjie/contracts';

/** Payload of `DefinitionDeployed`, the one event type of a `definition-<key>` stream. */
export interface DefinitionRecord {
  key: string;
  version: number;
  name: string;
  hash: string;
  zoneId: string;
  xml: string;
  forms: Record<string, unknown>;
  warnings: Problem[];
  deployedAt: string;
  deployedBy?: string;
  /** Names of the model's message start events, so a message can start a case. */
  messageStartNames: string[];
}

export const DEFINITION_DEPLOYED = 'DefinitionDeployed';

/** Name of the stream holding every version of one process definition. */
export function definitionStream(key: string): string {
  return `definition-${key}`;
}
