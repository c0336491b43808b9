import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { CaseView } from '@banjie/contracts';
import type { Request } from 'express';
import { caseIdPipe } from '../../shared/case-id.pipe';
import { correlationIdOf } from '../../shared/correlation';
import { SetVariablesCommand } from './set-variables.command';
import { SetVariablesDto } from './set-variables.dto';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('cases')
export class SetVariablesController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/variables')
  @HttpCode(200)
  @Roles('leader', 'admin')
  @ApiOperation({ summary: 'Set variables on a case or one of its active scopes (to repair an incident before retrying it)' })
  set(@Param('id', caseIdPipe) id: string, @Body() body: SetVariablesDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CaseView> {
    return this.commandBus.execute(new SetVariablesCommand(id, body.variables, body.scopeId, actor, correlationIdOf(req)));
  }
}
