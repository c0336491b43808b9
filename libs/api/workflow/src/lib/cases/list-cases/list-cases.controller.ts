import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, READERS, Roles } from '@banjie/api-auth';
import type { CaseSummary } from '@banjie/contracts';
import { ListCasesDto } from './list-cases.dto';
import { ListCasesQuery } from './list-cases.query';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class ListCasesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Cases of your zone (applicants: the cases they started)' })
  list(@QueryString() filter: ListCasesDto, @CurrentActor() actor: Actor): Promise<CaseSummary[]> {
    return this.queryBus.execute(new ListCasesQuery(filter, actor));
  }
}
