import { Controller, Get, Param, ParseIntPipe, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, READERS, Roles } from '@banjie/api-auth';
import type { DefinitionView } from '@banjie/contracts';
import { GetDefinitionQuery } from './get-definition.query';

@ApiTags('definitions')
@ApiBearerAuth()
@Controller('definitions')
export class GetDefinitionController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':key')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The latest version of a definition, with XML and forms' })
  @ApiQuery({ name: 'zoneId', required: false, description: 'The zone of the key, for province-wide users when several zones deployed it' })
  latest(@Param('key') key: string, @CurrentActor() actor: Actor, @QueryString('zoneId') zoneId?: string): Promise<DefinitionView> {
    return this.queryBus.execute(new GetDefinitionQuery(key, undefined, actor, zoneId));
  }

  @Get(':key/versions/:version')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One version of a definition, with XML and forms' })
  @ApiQuery({ name: 'zoneId', required: false, description: 'The zone of the key, for province-wide users when several zones deployed it' })
  version(@Param('key') key: string, @Param('version', ParseIntPipe) version: number, @CurrentActor() actor: Actor, @QueryString('zoneId') zoneId?: string): Promise<DefinitionView> {
    return this.queryBus.execute(new GetDefinitionQuery(key, version, actor, zoneId));
  }
}
