import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';

/** Unclaim a user task for the caller. */
export class UnclaimTaskCommand extends Command<CaseView> {
  constructor(
    readonly taskId: string,
    readonly actor: Actor,
    readonly correlationId?: string,
  ) {
    super();
  }
}
