import { Query } from '@nestjs/cqrs';
import type { DefinitionSummary } from '@banjie/contracts';
import type { Actor, Page, PageRequest } from '@banjie/api-core';

/** The latest version of each definition of the caller's zone (every zone for province-wide users). */
export class ListDefinitionsQuery extends Query<Page<DefinitionSummary>> {
  constructor(
    readonly actor: Actor,
    readonly page: PageRequest = {},
  ) {
    super();
  }
}
