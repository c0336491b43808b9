import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListPage, type Actor, type Page } from '@banjie/api-core';
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
  @ListPage()
  @ApiOperation({ summary: 'Cases of your zone (applicants: the cases they started), filtered, sorted, a page at a time (X-Next-Cursor)' })
  list(@QueryString() filter: ListCasesDto, @CurrentActor() actor: Actor): Promise<Page<CaseSummary>> {
    return this.queryBus.execute(new ListCasesQuery(filter, actor));
  }
}
