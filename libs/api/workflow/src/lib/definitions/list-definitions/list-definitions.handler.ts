import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { isProvinceWide, type Page } from '@banjie/api-core';
import { DefinitionList, ProjectionRunner } from '@banjie/api-projections';
import type { DefinitionSummary } from '@banjie/contracts';
import { ListDefinitionsQuery } from './list-definitions.query';

@QueryHandler(ListDefinitionsQuery)
export class ListDefinitionsHandler implements IQueryHandler<ListDefinitionsQuery> {
  constructor(
    private readonly definitions: DefinitionList,
    private readonly projections: ProjectionRunner,
  ) {}

  async execute({ actor, page }: ListDefinitionsQuery): Promise<Page<DefinitionSummary>> {
    await this.projections.catchUp();
    // Withdrawn flows start no case: only those who author or audit flows see them (flagged).
    const withWithdrawn = actor.roles.some((role) => role === 'designer' || role === 'admin' || role === 'auditor');
    return this.definitions.latestPage(isProvinceWide(actor) ? undefined : actor.zoneId, page, withWithdrawn);
  }
}
