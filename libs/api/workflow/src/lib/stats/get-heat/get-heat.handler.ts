import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiError, canSeeZone } from '@banjie/api-core';
import { FlowHeat, ProjectionRunner } from '@banjie/api-projections';
import type { HeatView, ZoneId } from '@banjie/contracts';
import { GetHeatQuery } from './get-heat.query';

@QueryHandler(GetHeatQuery)
export class GetHeatHandler implements IQueryHandler<GetHeatQuery> {
  constructor(
    private readonly heat: FlowHeat,
    private readonly projections: ProjectionRunner,
  ) {}

  async execute({ definitionKey, zoneId, actor }: GetHeatQuery): Promise<HeatView> {
    const zone = (zoneId ?? actor.zoneId) as ZoneId;
    if (!canSeeZone(actor, zone)) throw ApiError.forbidden('The heat of another zone is not yours to read');
    await this.projections.catchUp();
    return this.heat.of(definitionKey, zone);
  }
}
