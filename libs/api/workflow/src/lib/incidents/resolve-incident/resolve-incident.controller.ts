import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { CaseView } from '@banjie/contracts';
import type { Request } from 'express';
import { correlationIdOf } from '../../shared/correlation';
import { ResolveIncidentCommand } from './resolve-incident.command';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('incidents')
export class ResolveIncidentController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('leader', 'admin')
  @ApiOperation({ summary: 'Resolve an incident and retry the step it interrupted (404 when unknown or already resolved)' })
  resolve(@Param('id') id: string, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CaseView> {
    return this.commandBus.execute(new ResolveIncidentCommand(id, actor, correlationIdOf(req)));
  }
}
