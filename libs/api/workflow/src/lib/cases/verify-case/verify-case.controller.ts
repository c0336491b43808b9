import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, READERS, Roles } from '@banjie/api-auth';
import type { VerifyView } from '@banjie/contracts';
import { caseIdPipe } from '../../shared/case-id.pipe';
import { VerifyCaseQuery } from './verify-case.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('cases')
export class VerifyCaseController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/verify')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Verify the case hash chain against its anchored head' })
  verify(@Param('id', caseIdPipe) id: string, @CurrentActor() actor: Actor): Promise<VerifyView> {
    return this.queryBus.execute(new VerifyCaseQuery(id, actor));
  }
}
