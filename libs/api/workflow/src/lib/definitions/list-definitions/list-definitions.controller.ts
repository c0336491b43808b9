import { Controller, Get, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListPage, ListPageDto, type Actor, type Page } from '@banjie/api-core';
import { CurrentActor, READERS, Roles } from '@banjie/api-auth';
import type { DefinitionSummary } from '@banjie/contracts';
import { ListDefinitionsQuery } from './list-definitions.query';

@ApiTags('definitions')
@ApiBearerAuth()
@Controller('definitions')
export class ListDefinitionsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...READERS)
  @ListPage()
  @ApiOperation({ summary: 'Latest version of each definition of your zone' })
  list(@QueryString() page: ListPageDto, @CurrentActor() actor: Actor): Promise<Page<DefinitionSummary>> {
    return this.queryBus.execute(new ListDefinitionsQuery(actor, { limit: page.limit, cursor: page.cursor }));
  }
}
