import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';

/** Resolve an incident: the step it interrupted runs again. */
export class ResolveIncidentCommand extends Command<CaseView> {
  constructor(
    readonly incidentId: string,
    readonly actor: Actor,
    readonly correlationId?: string,
  ) {
    super();
  }
}
