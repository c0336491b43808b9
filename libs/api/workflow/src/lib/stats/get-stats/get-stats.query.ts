import { Query } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';
import type { StatsView } from '@banjie/contracts';

/** The statistics of a zone (the caller's by default). */
export class GetStatsQuery extends Query<StatsView> {
  constructor(
    readonly zoneId: string | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}
