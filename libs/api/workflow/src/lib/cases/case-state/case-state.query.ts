import { Query } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';

/** A case as it stood after event `revision`, by replay. */
export class CaseStateQuery extends Query<CaseView> {
  constructor(
    readonly caseId: string,
    readonly revision: number,
    readonly actor: Actor,
  ) {
    super();
  }
}
