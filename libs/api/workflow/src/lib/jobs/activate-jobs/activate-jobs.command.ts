import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { ActivateJobsView } from '@banjie/contracts';

/** An external worker asks for jobs of a type (long poll until some exist or the request times out). */
export class ActivateJobsCommand extends Command<ActivateJobsView> {
  constructor(
    readonly jobType: string,
    readonly maxJobs: number,
    readonly timeoutMs: number,
    readonly worker: string,
    readonly requestTimeoutMs: number,
    readonly actor: Actor,
    /** Aborted when the worker hangs up: the wait ends without activating anything more. */
    readonly signal: AbortSignal,
    readonly correlationId?: string,
  ) {
    super();
  }
}
