import type { Position } from '@kurrent/kurrentdb-client';

/** The port's opaque position for a KurrentDB `$all` position: `commit:prepare`. */
export function formatPosition(position: Position): string {
  return `${position.commit}:${position.prepare}`;
}

/** Reads back a position made by `formatPosition`; anything else is a programming error. */
export function parsePosition(position: string): Position {
  const match = /^(\d+):(\d+)$/.exec(position);
  if (!match) throw new RangeError(`Not a position of the KurrentDB event store: ${position}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

/** Whether `a` lies strictly after `b` in `$all`. */
export function isAfter(a: Position, b: Position): boolean {
  return a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);
}
