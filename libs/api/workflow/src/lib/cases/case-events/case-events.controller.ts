import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListPage, ListPageDto, type Actor, type Page } from '@banjie/api-core';
import { CurrentActor, READERS, Roles } from '@banjie/api-auth';
import type { CaseEventView } from '@banjie/contracts';
import { caseIdPipe } from '../../shared/case-id.pipe';
import { CaseEventsQuery } from './case-events.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('cases')
export class CaseEventsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/events')
  @Roles(...READERS)
  @ListPage()
  @ApiOperation({ summary: 'Every event of a case with metadata, hash and prevHash' })
  events(@Param('id', caseIdPipe) id: string, @QueryString() page: ListPageDto, @CurrentActor() actor: Actor): Promise<Page<CaseEventView>> {
    return this.queryBus.execute(new CaseEventsQuery(id, actor, { limit: page.limit, cursor: page.cursor }));
  }
}
