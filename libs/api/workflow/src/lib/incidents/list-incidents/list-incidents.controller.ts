import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListPage, type Actor, type Page } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { IncidentView } from '@banjie/contracts';
import { ListIncidentsDto } from './list-incidents.dto';
import { ListIncidentsQuery } from './list-incidents.query';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('incidents')
export class ListIncidentsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('leader', 'admin')
  @ListPage()
  @ApiOperation({ summary: 'Open incidents of your zone, oldest first (province-wide users: every zone, or ?zoneId=)' })
  list(@QueryString() query: ListIncidentsDto, @CurrentActor() actor: Actor): Promise<Page<IncidentView>> {
    return this.queryBus.execute(new ListIncidentsQuery(query.zoneId, actor, { limit: query.limit, cursor: query.cursor }));
  }
}
