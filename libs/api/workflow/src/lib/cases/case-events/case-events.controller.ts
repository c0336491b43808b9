import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
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
  @ApiOperation({ summary: 'Every event of a case with metadata, hash and prevHash' })
  events(@Param('id', caseIdPipe) id: string, @CurrentActor() actor: Actor): Promise<CaseEventView[]> {
    return this.queryBus.execute(new CaseEventsQuery(id, actor));
  }
}
