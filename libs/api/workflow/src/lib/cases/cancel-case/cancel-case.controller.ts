import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { CaseView } from '@banjie/contracts';
import type { Request } from 'express';
import { caseIdPipe } from '../../shared/case-id.pipe';
import { correlationIdOf } from '../../shared/correlation';
import { CancelCaseCommand } from './cancel-case.command';
import { CancelCaseDto } from './cancel-case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CancelCaseController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('clerk', 'leader', 'admin')
  @ApiOperation({ summary: 'Cancel an active case (409 when it is not active)' })
  cancel(@Param('id', caseIdPipe) id: string, @Body() body: CancelCaseDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CaseView> {
    return this.commandBus.execute(new CancelCaseCommand(id, body.reason, actor, correlationIdOf(req)));
  }
}
