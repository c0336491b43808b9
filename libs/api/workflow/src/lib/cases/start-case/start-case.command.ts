import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';

/** Start a case of a deployed definition of the caller's zone (province-wide callers: of `zoneId`, or of the one zone with the key). */
export class StartCaseCommand extends Command<CaseView> {
  constructor(
    readonly definitionKey: string,
    readonly version: number | undefined,
    readonly businessKey: string | undefined,
    readonly variables: Record<string, unknown> | undefined,
    readonly actor: Actor,
    readonly correlationId?: string,
    readonly zoneId?: string,
  ) {
    super();
  }
}
