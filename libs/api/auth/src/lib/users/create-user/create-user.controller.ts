import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import type { ManagedUserView } from '@banjie/contracts';
import { CurrentActor, Roles } from '../../access/access.decorators';
import { CreateUserCommand } from './create-user.command';
import { CreateUserDto } from './create-user.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class CreateUserController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user (admins; a zone admin in its own zone only): 201 the user, 409 when the id is taken' })
  create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor): Promise<ManagedUserView> {
    return this.commandBus.execute(new CreateUserCommand({ ...body }, actor));
  }
}
