import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
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
  @ApiOperation({ summary: 'Latest version of each definition of your zone' })
  list(@CurrentActor() actor: Actor): Promise<DefinitionSummary[]> {
    return this.queryBus.execute(new ListDefinitionsQuery(actor));
  }
}
