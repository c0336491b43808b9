import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { CaseView } from '@banjie/contracts';
import type { Request } from 'express';
import { correlationIdOf } from '../../shared/correlation';
import { JOB_ANSWER_ROLES } from '../job-worker-roles';
import { FailJobCommand } from './fail-job.command';
import { FailJobDto } from './fail-job.dto';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class FailJobController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/fail')
  @HttpCode(200)
  @Roles(...JOB_ANSWER_ROLES)
  @ApiOperation({ summary: 'A worker failed a job: with retries left it can be activated again after retryBackOff ms, at 0 an incident holds it; variables are set local to the task (Zeebe FailJob)' })
  fail(@Param('id') id: string, @Body() body: FailJobDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CaseView> {
    return this.commandBus.execute(new FailJobCommand(id, body.retries, body.errorMessage, body.retryBackOff, actor, correlationIdOf(req), body.variables));
  }
}
