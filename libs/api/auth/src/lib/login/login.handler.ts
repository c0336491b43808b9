import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError } from '@banjie/api-core';
import type { LoginResponse } from '@banjie/contracts';
import bcrypt from 'bcryptjs';
import { AccessTokens } from '../access/access-tokens';
import { USER_DIRECTORY } from '../users/user-directory.token';
import type { UserDirectory } from '../users/user-directory';
import { LoginCommand } from './login.command';

/** Checks the password against the stored bcrypt hash and issues an access token. */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    private readonly tokens: AccessTokens,
  ) {}

  async execute({ username, password }: LoginCommand): Promise<LoginResponse> {
    const user = this.users.find(username);
    const valid = user ? await bcrypt.compare(password, user.passwordHash) : false;
    if (!user || !valid) throw new ApiError('unauthenticated', 'Wrong username or password');
    const view = { id: user.id, name: user.name, roles: user.roles, zoneId: user.zoneId, groups: user.groups };
    return { accessToken: this.tokens.issue(view), user: view };
  }
}
