import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import type { ManagedUserView } from '@banjie/contracts';
import { CurrentActor, Roles } from '../../access/access.decorators';
import { UpdateUserCommand } from './update-user.command';
import { UpdateUserDto } from './update-user.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UpdateUserController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a user’s name, zone, roles, groups or active flag (admins; a zone admin in its zone only); access changes end its tokens' })
  update(@Param('id') id: string, @Body() body: UpdateUserDto, @CurrentActor() actor: Actor): Promise<ManagedUserView> {
    return this.commandBus.execute(new UpdateUserCommand(id, { ...body }, actor));
  }
}
