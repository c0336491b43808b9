import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';

/** Set variables on a case (or one of its active scopes), to fix what an incident complained of. */
export class SetVariablesCommand extends Command<CaseView> {
  constructor(
    readonly caseId: string,
    readonly variables: Record<string, unknown>,
    readonly scopeId: string | undefined,
    readonly actor: Actor,
    readonly correlationId?: string,
  ) {
    super();
  }
}
