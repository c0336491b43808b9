import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseView, JobChangeset } from '@banjie/contracts';

/** Gives a job new retries and/or a new timeout (Zeebe's job update; Camunda v2 REST `PATCH /jobs/{jobKey}`). */
export class UpdateJobCommand extends Command<CaseView> {
  constructor(
    readonly jobId: string,
    readonly changeset: JobChangeset,
    readonly actor: Actor,
    readonly correlationId?: string,
  ) {
    super();
  }
}
