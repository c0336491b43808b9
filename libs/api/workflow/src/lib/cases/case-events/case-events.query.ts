import { Query } from '@nestjs/cqrs';
import type { Actor, Page, PageRequest } from '@banjie/api-core';
import type { CaseEventView } from '@banjie/contracts';

/** Every event of a case, with its metadata and hash chain. */
export class CaseEventsQuery extends Query<Page<CaseEventView>> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
    /** Without a `limit`, every event (the scrubber and the case file need the whole chain). */
    readonly page: PageRequest = {},
  ) {
    super();
  }
}
