import { Query } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { VerifyView } from '@banjie/contracts';

/** Recompute a case's hash chain and check it still holds its anchored head. */
export class VerifyCaseQuery extends Query<VerifyView> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
