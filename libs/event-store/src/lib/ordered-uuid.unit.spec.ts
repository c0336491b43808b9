import { orderedUuid } from './ordered-uuid';

describe('orderedUuid', () => {
  it('makes version 7 UUIDs with the RFC variant', () => {
    // when
    const id = orderedUuid();

    // then
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('makes ids that sort in the order they were made, also many in one millisecond', () => {
    // when
    const ids = Array.from({ length: 10_000 }, () => orderedUuid());

    // then
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts with the current time in milliseconds', () => {
    // given
    const before = Date.now();

    // when
    const id = orderedUuid();

    // then
    const ms = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    // (ids made faster than the counter allows borrow the next milliseconds)
    expect(ms).toBeLessThanOrEqual(Date.now() + 50);
  });
});
