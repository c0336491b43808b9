import { randomUUID } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * A time-ordered UUID (RFC 9562 version 7): 48 bits of Unix milliseconds, a 12-bit counter that
 * keeps ids of the same millisecond in order, then 62 random bits. Ids made one after another
 * sort one after another, so an index over them grows at its end instead of touching a random
 * page for every insert (the store's `id` index, the read models' keys).
 */
export function orderedUuid(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    // Same millisecond (or the clock stepped back): count on from the last id; past 4095 ids
    // borrow the next millisecond, so the order never breaks.
    ms = lastMs;
    counter++;
    if (counter > 0xfff) {
      ms = ++lastMs;
      counter = 0;
    }
  } else {
    lastMs = ms;
    counter = 0;
  }
  const time = ms.toString(16).padStart(12, '0');
  // The random part of a v4 UUID already carries the RFC variant bits (10xx) in its 4th group.
  const random = randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${counter.toString(16).padStart(3, '0')}-${random.slice(19)}`;
}
