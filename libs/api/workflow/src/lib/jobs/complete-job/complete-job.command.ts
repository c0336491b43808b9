import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';

/** Complete a service-task job that no in-process worker handles. */
export class CompleteJobCommand extends Command<CaseView> {
  constructor(
    readonly jobId: string,
    readonly variables: Record<string, unknown>,
    readonly actor: Actor,
    readonly correlationId?: string,
  ) {
    super();
  }
}
