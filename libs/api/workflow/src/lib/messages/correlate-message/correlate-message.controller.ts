import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { Request } from 'express';
import { correlationIdOf } from '../../shared/correlation';
import { CorrelateMessageCommand } from './correlate-message.command';
import { CorrelateMessageDto } from './correlate-message.dto';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('messages')
export class CorrelateMessageController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('applicant', 'clerk', 'agent', 'admin')
  @ApiOperation({ summary: 'Correlate a message: 200 {caseIds}, 404 when no case waits for it' })
  correlate(@Body() body: CorrelateMessageDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<{ caseIds: string[] }> {
    return this.commandBus.execute(new CorrelateMessageCommand(body.name, body.correlationKey, body.variables, actor, correlationIdOf(req)));
  }
}
