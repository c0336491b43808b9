import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { CaseView } from '@banjie/contracts';
import type { Request } from 'express';
import { correlationIdOf } from '../../shared/correlation';
import { StartCaseCommand } from './start-case.command';
import { StartCaseDto } from './start-case.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class StartCaseController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles('applicant', 'clerk', 'agent', 'admin')
  @ApiOperation({ summary: 'Start a case; 201 with the CaseView' })
  start(@Body() body: StartCaseDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CaseView> {
    return this.commandBus.execute(new StartCaseCommand(body.definitionKey, body.version, body.businessKey, body.variables, actor, correlationIdOf(req), body.zoneId));
  }
}
