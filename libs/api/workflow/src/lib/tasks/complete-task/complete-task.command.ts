import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';

/** Complete a user task with the variables of its form. */
export class CompleteTaskCommand extends Command<CaseView> {
  constructor(
    readonly taskId: string,
    readonly variables: Record<string, unknown>,
    readonly actor: Actor,
    readonly correlationId?: string,
  ) {
    super();
  }
}
