import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError } from '@banjie/api-core';
import type { LoginResponse } from '@banjie/contracts';
import bcrypt from 'bcryptjs';
import { AccessTokens } from '../access/access-tokens';
import { LoginThrottle } from '../login/login-throttle';
import type { UserDirectory } from '../users/user-directory';
import { USER_DIRECTORY } from '../users/user-directory.token';
import { ChangePasswordCommand } from './change-password.command';

/**
 * Checks the current password, stores the new one's hash and ends every earlier token of the
 * user; answers a fresh token so the session that asked goes on. A wrong current password is a
 * 400 naming the field (not a 401, which would end the session), counted as a failed sign-in.
 */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    private readonly tokens: AccessTokens,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute({ actor, currentPassword, newPassword, clientAddress }: ChangePasswordCommand): Promise<LoginResponse> {
    const retryAfter = this.throttle.retryAfterSeconds(actor.id, clientAddress);
    if (retryAfter !== undefined) throw ApiError.rateLimited(`Too many wrong passwords: try again in ${retryAfter} s`, retryAfter);
    this.throttle.recordFailure(actor.id, clientAddress);
    const user = this.users.find(actor.id);
    if (!user) throw ApiError.notFound(`User ${actor.id}`);
    if (!(await bcrypt.compare(currentPassword, user.passwordHash))) {
      throw ApiError.badRequest('currentPassword is wrong', [{ field: 'currentPassword', message: 'currentPassword is wrong' }]);
    }
    this.throttle.recordSuccess(actor.id, clientAddress);
    if (newPassword === currentPassword) {
      throw ApiError.badRequest('newPassword must differ from the current password', [{ field: 'newPassword', message: 'newPassword must differ from the current password' }]);
    }
    this.users.setPasswordHash(user.id, await bcrypt.hash(newPassword, 10));
    const view = { id: user.id, name: user.name, roles: user.roles, zoneId: user.zoneId, groups: user.groups };
    return { accessToken: this.tokens.issue(view, this.users.standing(user.id)?.tokenGeneration ?? 0), user: view };
  }
}
