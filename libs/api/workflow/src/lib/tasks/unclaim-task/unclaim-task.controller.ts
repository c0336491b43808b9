import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { CaseView } from '@banjie/contracts';
import type { Request } from 'express';
import { correlationIdOf } from '../../shared/correlation';
import { UnclaimTaskCommand } from './unclaim-task.command';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class UnclaimTaskController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/unclaim')
  @HttpCode(200)
  @Roles('clerk', 'agent', 'leader', 'admin')
  @ApiOperation({ summary: 'Unclaim a task; 200 with the CaseView, 409 when the task state forbids it' })
  unclaim(@Param('id') id: string, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CaseView> {
    return this.commandBus.execute(new UnclaimTaskCommand(id, actor, correlationIdOf(req)));
  }
}
