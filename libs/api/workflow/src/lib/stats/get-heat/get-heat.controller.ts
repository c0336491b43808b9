import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { HeatView } from '@banjie/contracts';
import { GetHeatDto } from './get-heat.dto';
import { GetHeatQuery } from './get-heat.query';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('stats')
export class GetHeatController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('heat')
  @Roles('designer', 'clerk', 'agent', 'leader', 'auditor', 'admin')
  @ApiOperation({ summary: 'Heat of a flow: per element, the active cases waiting there, open tasks, and yellow/red (overdue) deadlines' })
  heat(@QueryString() query: GetHeatDto, @CurrentActor() actor: Actor): Promise<HeatView> {
    return this.queryBus.execute(new GetHeatQuery(query.definitionKey, query.zoneId, actor));
  }
}
