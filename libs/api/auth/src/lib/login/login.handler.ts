import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError } from '@banjie/api-core';
import type { LoginResponse } from '@banjie/contracts';
import bcrypt from 'bcryptjs';
import { AccessTokens } from '../access/access-tokens';
import { USER_DIRECTORY } from '../users/user-directory.token';
import type { UserDirectory } from '../users/user-directory';
import { LoginCommand } from './login.command';
import { LoginThrottle } from './login-throttle';

/**
 * A bcrypt hash (cost 10, as the stored ones) of a random password nobody knows: an unknown
 * username is compared against it, so it costs as long as a wrong password and the answer time
 * does not tell which usernames exist.
 */
export const UNKNOWN_USER_HASH = '$2b$10$yy75Y6q.MLE5kSFFT75rFOPc./xzjriYVTJyu0tv6JyVJVyrHlfOm';

/** Checks the password against the stored bcrypt hash and issues an access token; refuses while the throttle says so. */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand> {
  constructor(
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    private readonly tokens: AccessTokens,
    private readonly throttle: LoginThrottle,
  ) {}

  async execute({ username, password, clientAddress }: LoginCommand): Promise<LoginResponse> {
    const retryAfter = this.throttle.retryAfterSeconds(username, clientAddress);
    if (retryAfter !== undefined) throw ApiError.rateLimited(`Too many failed sign-ins: try again in ${retryAfter} s`, retryAfter);
    // Counted before the comparison, so parallel guesses cannot all pass the check during the bcrypt wait.
    this.throttle.recordFailure(username, clientAddress);
    const user = this.users.find(username);
    const valid = await bcrypt.compare(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !valid) throw new ApiError('unauthenticated', 'Wrong username or password');
    // Told only to whoever knows the password: a deactivated user learns why it cannot sign in.
    if (user.active === false) throw new ApiError('unauthenticated', 'The user is deactivated: ask an admin');
    this.throttle.recordSuccess(username, clientAddress);
    const view = { id: user.id, name: user.name, roles: user.roles, zoneId: user.zoneId, groups: user.groups };
    return { accessToken: this.tokens.issue(view, user.tokenGeneration ?? 0), user: view };
  }
}
