import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';

/** Cancel an active case, with the reason on record. */
export class CancelCaseCommand extends Command<CaseView> {
  constructor(
    readonly caseId: string,
    readonly reason: string,
    readonly actor: Actor,
    readonly correlationId?: string,
  ) {
    super();
  }
}
