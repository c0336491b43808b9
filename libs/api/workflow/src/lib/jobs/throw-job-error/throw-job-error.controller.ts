import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { CaseView } from '@banjie/contracts';
import type { Request } from 'express';
import { correlationIdOf } from '../../shared/correlation';
import { JOB_ANSWER_ROLES } from '../job-worker-roles';
import { ThrowJobErrorCommand } from './throw-job-error.command';
import { ThrowJobErrorDto } from './throw-job-error.dto';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class ThrowJobErrorController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/error')
  @HttpCode(200)
  @Roles(...JOB_ANSWER_ROLES)
  @ApiOperation({ summary: 'A worker throws a BPMN error for a job: the matching error boundary or event sub-process takes over, else an "unhandled error" incident (Zeebe ThrowError)' })
  throwError(@Param('id') id: string, @Body() body: ThrowJobErrorDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CaseView> {
    return this.commandBus.execute(new ThrowJobErrorCommand(id, body.errorCode, body.errorMessage, body.variables ?? {}, actor, correlationIdOf(req)));
  }
}
