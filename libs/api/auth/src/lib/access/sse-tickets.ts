import type { Actor } from '@banjie/api-core';
import type { SseTicketResponse } from '@banjie/contracts';
import { randomBytes } from 'node:crypto';

/** How long a ticket may wait for its stream. */
export const SSE_TICKET_TTL_MS = 60_000;
/** Tickets kept at most (unused ones expire; past this the oldest goes first). */
const MAX_TICKETS = 10_000;

/**
 * Short-lived, single-use tickets that open one live stream (`?ticket=`) for the user who asked
 * for them: `EventSource` cannot send an `Authorization` header, and a ticket in a URL (logs,
 * history, proxies) is worthless a minute later or once used, unlike an access token.
 */
export class SseTickets {
  private readonly tickets = new Map<string, { actor: Actor; expiresMs: number }>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  issue(actor: Actor): SseTicketResponse {
    this.dropExpired();
    const ticket = randomBytes(32).toString('base64url');
    const expiresMs = this.now() + SSE_TICKET_TTL_MS;
    this.tickets.set(ticket, { actor: { ...actor }, expiresMs });
    if (this.tickets.size > MAX_TICKETS) this.tickets.delete(this.tickets.keys().next().value as string);
    return { ticket, expiresAt: new Date(expiresMs).toISOString() };
  }

  /** The user a ticket was issued to, once: the ticket is gone afterwards; undefined when unknown or expired. */
  redeem(ticket: string): Actor | undefined {
    const entry = this.tickets.get(ticket);
    if (!entry) return undefined;
    this.tickets.delete(ticket);
    return entry.expiresMs > this.now() ? { ...entry.actor } : undefined;
  }

  private dropExpired(): void {
    // Issued in order with one lifetime: the expired ones are at the front.
    const now = this.now();
    for (const [ticket, { expiresMs }] of this.tickets) {
      if (expiresMs > now) return;
      this.tickets.delete(ticket);
    }
  }
}
