import { Query } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { CaseSummary } from '@banjie/contracts';
import type { ListCasesDto } from './list-cases.dto';

/** The cases the caller may see, filtered. */
export class ListCasesQuery extends Query<CaseSummary[]> {
  constructor(
    readonly filter: ListCasesDto,
    readonly actor: Actor,
  ) {
    super();
  }
}
