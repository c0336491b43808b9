import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { isProvinceWide } from '@banjie/api-core';
import { DefinitionList, ProjectionRunner } from '@banjie/api-projections';
import type { DefinitionSummary } from '@banjie/contracts';
import { ListDefinitionsQuery } from './list-definitions.query';

@QueryHandler(ListDefinitionsQuery)
export class ListDefinitionsHandler implements IQueryHandler<ListDefinitionsQuery> {
  constructor(
    private readonly definitions: DefinitionList,
    private readonly projections: ProjectionRunner,
  ) {}

  async execute({ actor }: ListDefinitionsQuery): Promise<DefinitionSummary[]> {
    await this.projections.catchUp();
    return this.definitions.latest(isProvinceWide(actor) ? undefined : actor.zoneId);
  }
}
