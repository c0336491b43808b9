import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError, type Actor } from '@banjie/api-core';
import type { Role } from '@banjie/contracts';
import type { Request } from 'express';
import { ALLOWED_ROLES, PUBLIC_ROUTE, SSE_TICKET } from './access.decorators';
import { AccessTokens } from './access-tokens';
import { SseTickets } from './sse-tickets';

/**
 * Guards every route: a valid bearer token (401 otherwise) and, where the route names roles,
 * one of them (403 otherwise). Routes marked `@Public()` pass without a token; routes marked
 * `@AcceptsSseTicket()` also take a live-stream ticket as `?ticket=`, used up by this request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly tickets: SseTickets,
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
    if (token) return this.tokens.verify(token) ?? fail('The access token is invalid or expired');
    const ticket = acceptsTicket ? queryValue(request, 'ticket') : undefined;
    if (ticket) return this.tickets.redeem(ticket) ?? fail('The ticket is unknown, used or expired: get a new one from POST /api/auth/sse-ticket');
    return fail(`Sign in first: send Authorization: Bearer <token>${acceptsTicket ? ', or ?ticket= from POST /api/auth/sse-ticket' : ''}`);
  }
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
