import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';

/** A worker failed a job: retried after the back-off while retries are left, else an incident. */
export class FailJobCommand extends Command<CaseView> {
  constructor(
    readonly jobId: string,
    readonly retries: number,
    readonly errorMessage: string,
    readonly retryBackOffMs: number | undefined,
    readonly actor: Actor,
    readonly correlationId?: string,
    /** Set local to the job's task before the retry or the incident. */
    readonly variables?: Record<string, unknown>,
  ) {
    super();
  }
}
