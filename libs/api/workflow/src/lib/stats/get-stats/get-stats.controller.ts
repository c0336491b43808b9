import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { StatsView } from '@banjie/contracts';
import { GetStatsDto } from './get-stats.dto';
import { GetStatsQuery } from './get-stats.query';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class GetStatsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('designer', 'clerk', 'agent', 'leader', 'auditor', 'admin')
  @ApiOperation({ summary: 'Zone statistics: cases, on-time rate, red/yellow, mean working days, satisfaction' })
  stats(@QueryString() query: GetStatsDto, @CurrentActor() actor: Actor): Promise<StatsView> {
    return this.queryBus.execute(new GetStatsQuery(query.zoneId, actor));
  }
}
