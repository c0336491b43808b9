import { Query } from '@nestjs/cqrs';
import type { Actor, Page } from '@banjie/api-core';
import type { CaseSummary } from '@banjie/contracts';
import type { ListCasesDto } from './list-cases.dto';

/** One page of the cases the caller may see, filtered and sorted. */
export class ListCasesQuery extends Query<Page<CaseSummary>> {
  constructor(
    readonly filter: ListCasesDto,
    readonly actor: Actor,
  ) {
    super();
  }
}
