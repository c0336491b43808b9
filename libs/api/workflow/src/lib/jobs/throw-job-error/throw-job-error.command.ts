import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';

/** A worker throws a BPMN error for a job: a matching catch event takes over, else an incident. */
export class ThrowJobErrorCommand extends Command<CaseView> {
  constructor(
    readonly jobId: string,
    readonly errorCode: string,
    readonly errorMessage: string | undefined,
    readonly variables: Record<string, unknown>,
    readonly actor: Actor,
    readonly correlationId?: string,
  ) {
    super();
  }
}
