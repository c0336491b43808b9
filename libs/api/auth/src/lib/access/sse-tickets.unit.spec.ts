import { SseTickets, type UsedTickets } from './sse-tickets';

const actor = { id: 'lf-clerk', name: '王丽', roles: ['clerk' as const], zoneId: 'lf' as const, groups: ['window'] };
const SECRET = 'a-secret-of-at-least-thirty-two-characters';

/** The used-set two replicas share (`users.sqlite` in the api). */
function sharedUsedSet(): UsedTickets {
  const used = new Set<string>();
  return { markTicketUsed: (id) => (used.has(id) ? false : (used.add(id), true)) };
}

describe('SseTickets', () => {
  let now: number;

  beforeEach(() => {
    now = Date.parse('2026-12-04T08:00:00Z');
  });

  it('gives back the id of the user of a ticket once', () => {
    // given
    const tickets = new SseTickets(SECRET, sharedUsedSet(), () => now);
    const { ticket, expiresAt } = tickets.issue(actor);

    // when
    const first = tickets.redeem(ticket);
    const second = tickets.redeem(ticket);

    // then
    expect(expiresAt).toBe('2026-12-04T08:01:00.000Z');
    expect(first).toBe('lf-clerk');
    expect(second).toBeUndefined();
  });

  it('takes a ticket another replica issued, once across both', () => {
    // given two replicas with one secret and one used-set
    const used = sharedUsedSet();
    const issuer = new SseTickets(SECRET, used, () => now);
    const other = new SseTickets(SECRET, used, () => now);
    const { ticket } = issuer.issue(actor);

    // when the other replica redeems it, then the issuer
    const first = other.redeem(ticket);
    const again = issuer.redeem(ticket);

    // then
    expect(first).toBe('lf-clerk');
    expect(again).toBeUndefined();
  });

  it('refuses a ticket after its minute, one it never issued, and one naming another user', () => {
    // given
    const tickets = new SseTickets(SECRET, sharedUsedSet(), () => now);
    const { ticket } = tickets.issue(actor);
    const [body, signature] = ticket.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const forged = `${Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url')}.${signature}`;
    const otherSecret = new SseTickets(`${SECRET}-other`, sharedUsedSet(), () => now).issue(actor).ticket;

    // when
    const changed = tickets.redeem(forged);
    const foreign = tickets.redeem(otherSecret);
    now += 60_000;

    // then
    expect(changed).toBeUndefined();
    expect(foreign).toBeUndefined();
    expect(tickets.redeem(ticket)).toBeUndefined();
    expect(tickets.redeem('made-up')).toBeUndefined();
  });
});
