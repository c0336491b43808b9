import type { Actor } from '@banjie/api-core';
import type { SseTicketResponse } from '@banjie/contracts';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a ticket may wait for its stream. */
export const SSE_TICKET_TTL_MS = 60_000;

/** Where tickets are marked used: shared by every replica that may be handed the ticket. */
export interface UsedTickets {
  /** Marks ticket `id` used until `expiresMs`; false when it was used before (by any replica). */
  markTicketUsed(id: string, expiresMs: number): boolean;
}

/** What a ticket carries, signed (readable by whoever sees the URL: no name, role or zone). */
interface TicketClaims {
  /** Random id (128 bits): what the used-set keeps. */
  id: string;
  /** The id of the user who asked for it. */
  sub: string;
  expiresMs: number;
}

/**
 * Short-lived, single-use tickets that open one live stream (`?ticket=`) for the user who asked
 * for them: `EventSource` cannot send an `Authorization` header, and a ticket in a URL (logs,
 * history, proxies) is worthless a minute later or once used, unlike an access token.
 *
 * A ticket is signed (HMAC-SHA256 with a key derived from the api's token secret), so any replica
 * sharing that secret takes it, whichever replica issued it; its use is recorded in `used`
 * (`users.sqlite` in the data dir, which the workers of `BANJIE_WORKERS` share), so it opens one
 * stream on all of them.
 */
export class SseTickets {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly used: UsedTickets,
    private readonly now: () => number = () => Date.now(),
  ) {
    // Its own key: a ticket is never an access token, nor an access token a ticket.
    this.key = createHmac('sha256', secret).update('banjie sse ticket v1').digest();
  }

  issue(actor: Actor): SseTicketResponse {
    const expiresMs = this.now() + SSE_TICKET_TTL_MS;
    const claims: TicketClaims = { id: randomBytes(16).toString('base64url'), sub: actor.id, expiresMs };
    const body = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
    return { ticket: `${body}.${this.sign(body)}`, expiresAt: new Date(expiresMs).toISOString() };
  }

  /**
   * The id of the user a ticket was issued to, once on any replica; undefined when forged, expired
   * or used. The caller looks the user up, so the stream gets the user's roles and zone as they are now.
   */
  redeem(ticket: string): string | undefined {
    const claims = this.verify(ticket);
    if (!claims || claims.expiresMs <= this.now()) return undefined;
    return this.used.markTicketUsed(claims.id, claims.expiresMs) ? claims.sub : undefined;
  }

  private verify(ticket: string): TicketClaims | undefined {
    const [body, signature, ...rest] = ticket.split('.');
    if (!body || !signature || rest.length > 0) return undefined;
    const expected = Buffer.from(this.sign(body), 'base64url');
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      return ticketClaims(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    } catch {
      return undefined;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

/** The claims of a correctly signed ticket, checked for shape all the same. */
function ticketClaims(value: unknown): TicketClaims | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, sub, expiresMs } = value as Partial<TicketClaims>;
  return typeof id === 'string' && typeof sub === 'string' && typeof expiresMs === 'number' ? { id, sub, expiresMs } : undefined;
}
