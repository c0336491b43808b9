import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiError, DefinitionRegistry, canSeeZone } from '@banjie/api-core';
import { DefinitionList, ProjectionRunner } from '@banjie/api-projections';
import type { DefinitionView, ZoneId } from '@banjie/contracts';
import { GetDefinitionQuery } from './get-definition.query';

@QueryHandler(GetDefinitionQuery)
export class GetDefinitionHandler implements IQueryHandler<GetDefinitionQuery> {
  constructor(
    private readonly definitions: DefinitionRegistry,
    private readonly definitionList: DefinitionList,
    private readonly projections: ProjectionRunner,
  ) {}

  async execute({ key, version, actor }: GetDefinitionQuery): Promise<DefinitionView> {
    const found = await this.definitions.find(key, version);
    if (!found || !canSeeZone(actor, found.zoneId)) throw ApiError.notFound(version === undefined ? `Definition ${key}` : `Definition ${key} version ${version}`);
    await this.projections.catchUp();
    return {
      key: found.key,
      version: found.version,
      name: found.name,
      deployedAt: found.deployedAt,
      hash: found.hash,
      zoneId: found.zoneId as ZoneId,
      xml: found.xml,
      forms: found.forms,
      versions: this.definitionList.versionsOf(found.key),
    };
  }
}
