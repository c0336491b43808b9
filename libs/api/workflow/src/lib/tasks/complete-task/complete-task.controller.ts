import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { CaseView } from '@banjie/contracts';
import type { Request } from 'express';
import { correlationIdOf } from '../../shared/correlation';
import { CompleteTaskCommand } from './complete-task.command';
import { CompleteTaskDto } from './complete-task.dto';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class CompleteTaskController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('clerk', 'agent', 'leader', 'admin')
  @ApiOperation({ summary: 'Complete a task: 200 CaseView; 409 when not open or claimed by another user; 422 naming the form fields at fault' })
  complete(@Param('id') id: string, @Body() body: CompleteTaskDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CaseView> {
    return this.commandBus.execute(new CompleteTaskCommand(id, body.variables ?? {}, actor, correlationIdOf(req)));
  }
}
