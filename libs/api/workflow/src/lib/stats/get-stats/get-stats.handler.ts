import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiError, canSeeZone } from '@banjie/api-core';
import { ProjectionRunner, ZoneStats } from '@banjie/api-projections';
import type { StatsView, ZoneId } from '@banjie/contracts';
import { GetStatsQuery } from './get-stats.query';

@QueryHandler(GetStatsQuery)
export class GetStatsHandler implements IQueryHandler<GetStatsQuery> {
  constructor(
    private readonly stats: ZoneStats,
    private readonly projections: ProjectionRunner,
  ) {}

  async execute({ zoneId, actor }: GetStatsQuery): Promise<StatsView> {
    const zone = (zoneId ?? actor.zoneId) as ZoneId;
    if (!canSeeZone(actor, zone)) throw ApiError.forbidden('The statistics of another zone are not yours to read');
    await this.projections.catchUp();
    return this.stats.of(zone);
  }
}
