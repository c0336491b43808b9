import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, READERS, Roles } from '@banjie/api-auth';
import type { CaseView } from '@banjie/contracts';
import { caseIdPipe } from '../../shared/case-id.pipe';
import { CaseStateDto } from './case-state.dto';
import { CaseStateQuery } from './case-state.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('cases')
export class CaseStateController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/state')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The CaseView as it stood after event N (replay)' })
  state(@Param('id', caseIdPipe) id: string, @QueryString() query: CaseStateDto, @CurrentActor() actor: Actor): Promise<CaseView> {
    return this.queryBus.execute(new CaseStateQuery(id, query.revision, actor));
  }
}
