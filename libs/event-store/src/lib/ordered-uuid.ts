import { v7 } from 'uuid';

/**
 * A time-ordered UUID (RFC 9562 version 7, from `uuid`, monotonic within a millisecond). Ids made
 * one after another sort one after another, so an index over them grows at its end instead of
 * touching a random page for every insert (the store's `id` index, the read models' keys).
 */
export function orderedUuid(): string {
  return v7();
}
