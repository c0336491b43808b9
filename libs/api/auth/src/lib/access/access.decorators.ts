import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@banjie/api-core';
import type { Role } from '@banjie/contracts';

export const PUBLIC_ROUTE = 'banjie:public';
export const ALLOWED_ROLES = 'banjie:roles';
export const SSE_TICKET = 'banjie:sse-ticket';

/** The route needs no token (health, login). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only users with one of these roles may call the route (others get 403). */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/**
 * The route (a live stream) also takes a single-use ticket of `POST /api/auth/sse-ticket` as
 * `?ticket=`, since `EventSource` cannot send headers.
 */
export const AcceptsSseTicket = () => SetMetadata(SSE_TICKET, true);

/** Every role that reads (the auditor reads everything and changes nothing). */
export const READERS: Role[] = ['designer', 'clerk', 'agent', 'leader', 'applicant', 'auditor', 'admin'];

/** The signed-in user of the request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
