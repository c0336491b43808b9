import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { CaseView } from '@banjie/contracts';
import type { Request } from 'express';
import { correlationIdOf } from '../../shared/correlation';
import { JOB_ANSWER_ROLES } from '../job-worker-roles';
import { CompleteJobCommand } from './complete-job.command';
import { CompleteJobDto } from './complete-job.dto';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class CompleteJobController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/complete')
  @HttpCode(200)
  @Roles(...JOB_ANSWER_ROLES)
  @ApiOperation({ summary: 'Complete a service-task job that has no in-process worker (an addition to API.md)' })
  complete(@Param('id') id: string, @Body() body: CompleteJobDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CaseView> {
    return this.commandBus.execute(new CompleteJobCommand(id, body.variables ?? {}, actor, correlationIdOf(req)));
  }
}
