import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError, type Actor } from '@banjie/api-core';
import type { Role } from '@banjie/contracts';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { ALLOWED_ROLES, PUBLIC_ROUTE, SSE_TICKET } from './access.decorators';
import { AccessTokens } from './access-tokens';
import { SseTickets } from './sse-tickets';
import type { UserDirectory } from '../users/user-directory';
import { USER_DIRECTORY } from '../users/user-directory.token';

/**
 * Guards every route: a valid bearer token (401 otherwise) and, where the route names roles,
 * one of them (403 otherwise). Routes marked `@Public()` pass without a token; routes marked
 * `@AcceptsSseTicket()` also take a live-stream ticket as `?ticket=`, used up by this request.
 * The token's user must still be active, and the token of its current generation: a
 * deactivation, a password change or a change of roles, zone or groups ends older tokens at once.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly tickets: SseTickets,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const actor = this.actorOf(request, this.reflector.getAllAndOverride<boolean>(SSE_TICKET, targets) ?? false);
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !actor.roles.some((r) => roles.includes(r))) throw ApiError.forbidden(`This needs one of the roles: ${roles.join(', ')}`);
    return true;
  }

  private actorOf(request: Request, acceptsTicket: boolean): Actor {
    const token = bearerToken(request);
    if (token) {
      const verified = this.tokens.check(token) ?? fail('The access token is invalid or expired');
      const standing = this.users.standing(verified.actor.id);
      if (!standing) fail('The access token names a user that does not exist: sign in again');
      if (!standing.active) fail('The user is deactivated: ask an admin');
      if (verified.generation !== standing.tokenGeneration) fail('The access token was ended by a change of password or access: sign in again');
      if (this.users.isRevoked(tokenHash(token))) fail('The access token was signed out: sign in again');
      return verified.actor;
    }
    const ticket = acceptsTicket ? queryValue(request, 'ticket') : undefined;
    if (ticket) {
      const userId = this.tickets.redeem(ticket) ?? fail('The ticket is unknown, used or expired: get a new one from POST /api/auth/sse-ticket');
      const user = this.users.find(userId);
      if (!user?.active) fail('The user is deactivated: ask an admin');
      return { id: user.id, name: user.name, roles: user.roles, zoneId: user.zoneId, groups: user.groups };
    }
    return fail(`Sign in first: send Authorization: Bearer <token>${acceptsTicket ? ', or ?ticket= from POST /api/auth/sse-ticket' : ''}`);
  }
}

/** How a token is kept in the revocation list: its SHA-256, never the token itself. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The bearer token of a request, if any. */
export function bearerTokenOf(request: Request): string | undefined {
  return bearerToken(request);
}

function fail(message: string): never {
  throw new ApiError('unauthenticated', message);
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function queryValue(request: Request, name: string): string | undefined {
  const value = request.query[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
