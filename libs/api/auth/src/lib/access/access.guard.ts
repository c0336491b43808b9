import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError, type Actor } from '@banjie/api-core';
import type { Role } from '@banjie/contracts';
import type { Request } from 'express';
import { ALLOWED_ROLES, PUBLIC_ROUTE, QUERY_TOKEN } from './access.decorators';
import { AccessTokens } from './access-tokens';

/**
 * Guards every route: a valid bearer token (401 otherwise) and, where the route names roles,
 * one of them (403 otherwise). Routes marked `@Public()` pass without a token.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const token = bearerToken(request) ?? (this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN, targets) ? queryToken(request) : undefined);
    if (!token) throw new ApiError('unauthenticated', 'Sign in first: send Authorization: Bearer <token>');
    const actor = this.tokens.verify(token);
    if (!actor) throw new ApiError('unauthenticated', 'The access token is invalid or expired');
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !actor.roles.some((r) => roles.includes(r))) throw ApiError.forbidden(`This needs one of the roles: ${roles.join(', ')}`);
    return true;
  }
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function queryToken(request: Request): string | undefined {
  const value = request.query['access_token'];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
