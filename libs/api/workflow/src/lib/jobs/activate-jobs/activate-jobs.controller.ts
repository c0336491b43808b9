import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { ActivateJobsView } from '@banjie/contracts';
import type { Request } from 'express';
import { correlationIdOf } from '../../shared/correlation';
import { JOB_WORKER_ROLES } from '../job-worker-roles';
import { ActivateJobsCommand } from './activate-jobs.command';
import { ActivateJobsDto, DEFAULT_REQUEST_TIMEOUT_MS } from './activate-jobs.dto';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class ActivateJobsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('activate')
  @HttpCode(200)
  @Roles(...JOB_WORKER_ROLES)
  @ApiOperation({ summary: 'An external worker takes up to maxJobs jobs of a type for timeout ms; waits up to requestTimeout ms when none is ready (Zeebe ActivateJobs)' })
  activate(@Body() body: ActivateJobsDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<ActivateJobsView> {
    const hangUp = new AbortController();
    // the response closing before it was sent means the worker went away
    req.res?.once('close', () => hangUp.abort());
    return this.commandBus.execute(
      new ActivateJobsCommand(body.type, body.maxJobs, body.timeout, body.worker, body.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_MS, actor, hangUp.signal, correlationIdOf(req)),
    );
  }
}
