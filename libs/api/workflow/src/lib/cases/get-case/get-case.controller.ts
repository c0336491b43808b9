import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, READERS, Roles } from '@banjie/api-auth';
import type { CaseView } from '@banjie/contracts';
import { caseIdPipe } from '../../shared/case-id.pipe';
import { GetCaseQuery } from './get-case.query';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class GetCaseController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A case as it stands now' })
  get(@Param('id', caseIdPipe) id: string, @CurrentActor() actor: Actor): Promise<CaseView> {
    return this.queryBus.execute(new GetCaseQuery(id, actor));
  }
}
