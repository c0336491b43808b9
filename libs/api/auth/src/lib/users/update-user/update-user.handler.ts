import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError } from '@banjie/api-core';
import type { ManagedUserView } from '@banjie/contracts';
import { assertManagesZone } from '../user-admin-scope';
import type { UserDirectory } from '../user-directory';
import { USER_DIRECTORY } from '../user-directory.token';
import { UpdateUserCommand } from './update-user.command';

/**
 * Changes a user within the admin's reach; a change of access (roles, zone, groups, active) ends
 * the user's current tokens. Admins cannot lock themselves out: no self-deactivation, no dropping
 * their own admin role.
 */
@CommandHandler(UpdateUserCommand)
export class UpdateUserHandler implements ICommandHandler<UpdateUserCommand> {
  constructor(@Inject(USER_DIRECTORY) private readonly users: UserDirectory) {}

  async execute({ id, change, actor }: UpdateUserCommand): Promise<ManagedUserView> {
    if (Object.values(change).every((value) => value === undefined)) {
      throw ApiError.badRequest('Name at least one of name, zoneId, roles, groups, active to change');
    }
    const user = this.users.find(id) ?? failNotFound(id);
    assertManagesZone(actor, user.zoneId, `Changing ${id}`);
    if (change.zoneId !== undefined) assertManagesZone(actor, change.zoneId, `Moving ${id}`);
    if (id === actor.id && change.active === false) throw ApiError.badRequest('active: admins cannot deactivate themselves', [{ field: 'active', message: 'admins cannot deactivate themselves' }]);
    if (id === actor.id && change.roles && !change.roles.includes('admin')) {
      throw ApiError.badRequest('roles: admins cannot drop their own admin role', [{ field: 'roles', message: 'admins cannot drop their own admin role' }]);
    }
    return this.users.update(id, change) ?? failNotFound(id);
  }
}

function failNotFound(id: string): never {
  throw ApiError.notFound(`User ${id}`);
}
