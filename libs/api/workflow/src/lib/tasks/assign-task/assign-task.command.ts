import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';

/** A leader hands a task to a colleague. */
export class AssignTaskCommand extends Command<CaseView> {
  constructor(
    readonly taskId: string,
    readonly userId: string,
    readonly actor: Actor,
    readonly correlationId?: string,
  ) {
    super();
  }
}
