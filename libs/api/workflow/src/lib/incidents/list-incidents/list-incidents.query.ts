import { Query } from '@nestjs/cqrs';
import type { Actor, Page, PageRequest } from '@banjie/api-core';
import type { IncidentView } from '@banjie/contracts';

/** The open incidents of a zone (the caller's; province-wide callers: every zone, or the one named). */
export class ListIncidentsQuery extends Query<Page<IncidentView>> {
  constructor(
    readonly zoneId: string | undefined,
    readonly actor: Actor,
    readonly page: PageRequest = {},
  ) {
    super();
  }
}
