import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { CaseView } from '@banjie/contracts';
import type { Request } from 'express';
import { correlationIdOf } from '../../shared/correlation';
import { ClaimTaskCommand } from './claim-task.command';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class ClaimTaskController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('clerk', 'agent', 'leader', 'admin')
  @ApiOperation({ summary: 'Claim a task; 200 with the CaseView, 409 when the task state forbids it' })
  claim(@Param('id') id: string, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CaseView> {
    return this.commandBus.execute(new ClaimTaskCommand(id, actor, correlationIdOf(req)));
  }
}
