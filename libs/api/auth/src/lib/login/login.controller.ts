import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LoginResponse } from '@banjie/contracts';
import { Public } from '../access/access.decorators';
import { LoginCommand } from './login.command';
import { LoginDto } from './login.dto';

@ApiTags('auth')
@Controller('auth')
export class LoginController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; returns a bearer token and the user (429 with Retry-After after too many failures)' })
  login(@Body() body: LoginDto, @Ip() clientAddress: string): Promise<LoginResponse> {
    return this.commandBus.execute(new LoginCommand(body.username, body.password, clientAddress));
  }
}
