import { Query } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseEventView } from '@banjie/contracts';

/** Every event of a case, with its metadata and hash chain. */
export class CaseEventsQuery extends Query<CaseEventView[]> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
