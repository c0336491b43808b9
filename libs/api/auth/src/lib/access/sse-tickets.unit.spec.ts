import { SseTickets } from './sse-tickets';

const actor = { id: 'lf-clerk', name: '王丽', roles: ['clerk' as const], zoneId: 'lf' as const, groups: ['window'] };

describe('SseTickets', () => {
  let now: number;

  beforeEach(() => {
    now = Date.parse('2026-12-04T08:00:00Z');
  });

  it('gives back the user of a ticket once', () => {
    // given
    const tickets = new SseTickets(() => now);
    const { ticket, expiresAt } = tickets.issue(actor);

    // when
    const first = tickets.redeem(ticket);
    const second = tickets.redeem(ticket);

    // then
    expect(expiresAt).toBe('2026-12-04T08:01:00.000Z');
    expect(first).toEqual(actor);
    expect(second).toBeUndefined();
  });

  it('refuses a ticket after its minute, and one it never issued', () => {
    // given
    const tickets = new SseTickets(() => now);
    const { ticket } = tickets.issue(actor);

    // when
    now += 60_000;

    // then
    expect(tickets.redeem(ticket)).toBeUndefined();
    expect(tickets.redeem('made-up')).toBeUndefined();
  });
});
