import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { CaseView } from '@banjie/contracts';
import type { Request } from 'express';
import { correlationIdOf } from '../../shared/correlation';
import { AssignTaskCommand } from './assign-task.command';
import { AssignTaskDto } from './assign-task.dto';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class AssignTaskController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('leader', 'admin')
  @ApiOperation({
    summary: 'Hand a task to a colleague (leaders and admins of its zone): 200 CaseView; 404 unknown task or user; 400 when the user cannot work on tasks; 409 when the task is no longer open',
  })
  assign(@Param('id') id: string, @Body() body: AssignTaskDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CaseView> {
    return this.commandBus.execute(new AssignTaskCommand(id, body.userId, actor, correlationIdOf(req)));
  }
}
