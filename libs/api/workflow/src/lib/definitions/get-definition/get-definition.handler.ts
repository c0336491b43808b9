import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiError, DefinitionRegistry, zoneOfDefinition } from '@banjie/api-core';
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

  async execute({ key, version, actor, zoneId }: GetDefinitionQuery): Promise<DefinitionView> {
    const zone = await zoneOfDefinition(this.definitions, actor, key, zoneId);
    const found = zone === undefined ? undefined : await this.definitions.find(zone, key, version);
    if (!found) throw ApiError.notFound(version === undefined ? `Definition ${key}` : `Definition ${key} version ${version}`);
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
      decisions: found.decisions ?? {},
      versions: this.definitionList.versionsOf(found.zoneId, found.key),
    };
  }
}
