import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import type { LoginResponse } from '@banjie/contracts';
import { CurrentActor } from '../access/access.decorators';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordDto } from './change-password.dto';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class ChangePasswordController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change one’s own password: earlier tokens stop working; answers a fresh token and the user' })
  change(@Body() body: ChangePasswordDto, @CurrentActor() actor: Actor, @Ip() clientAddress: string): Promise<LoginResponse> {
    return this.commandBus.execute(new ChangePasswordCommand(actor, body.currentPassword, body.newPassword, clientAddress));
  }
}
