import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError } from '@banjie/api-core';
import type { Request } from 'express';
import { bearerTokenOf, tokenHash } from '../access/access.guard';
import { AccessTokens } from '../access/access-tokens';
import type { UserDirectory } from '../users/user-directory';
import { USER_DIRECTORY } from '../users/user-directory.token';

/**
 * `POST /api/auth/logout`: revokes the token of the request, and only it (the user's other
 * sessions go on). The revocation is kept in `users.sqlite` until the token would have expired,
 * so it survives a restart.
 */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class LogoutController {
  constructor(
    private readonly tokens: AccessTokens,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: this token answers 401 from now on (other sessions of the user go on)' })
  logout(@Req() request: Request): void {
    const token = bearerTokenOf(request);
    const verified = token ? this.tokens.check(token) : undefined;
    if (!token || !verified) throw new ApiError('unauthenticated', 'Sign out needs the access token in Authorization: Bearer <token>');
    this.users.revokeToken(tokenHash(token), verified.expiresMs);
  }
}
