import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError } from '@banjie/api-core';
import type { ManagedUserView } from '@banjie/contracts';
import bcrypt from 'bcryptjs';
import { assertManagesZone } from '../user-admin-scope';
import type { UserDirectory } from '../user-directory';
import { USER_DIRECTORY } from '../user-directory.token';
import { CreateUserCommand } from './create-user.command';

/** Hashes the password (bcrypt, cost 10) and adds the user; 409 when the id is taken. */
@CommandHandler(CreateUserCommand)
export class CreateUserHandler implements ICommandHandler<CreateUserCommand> {
  constructor(@Inject(USER_DIRECTORY) private readonly users: UserDirectory) {}

  async execute({ request, actor }: CreateUserCommand): Promise<ManagedUserView> {
    assertManagesZone(actor, request.zoneId, `Creating ${request.id}`);
    if (this.users.find(request.id)) throw ApiError.conflict(`The user id ${request.id} is taken`);
    const passwordHash = await bcrypt.hash(request.password, 10);
    const user = { id: request.id, name: request.name, roles: [...request.roles], zoneId: request.zoneId, groups: [...request.groups] };
    if (!this.users.add({ ...user, passwordHash })) throw ApiError.conflict(`The user id ${request.id} is taken`);
    return { ...user, active: true };
  }
}
