import { Injectable } from '@nestjs/common';

/**
 * The newest store position this process appended. Queries wait until the read models reached
 * it, so a caller's list reflects the writes the api already confirmed (read-your-writes).
 */
@Injectable()
export class WritePositions {
  private newest: string | undefined;

  record(position: string): void {
    if (this.newest === undefined || comparePositions(position, this.newest) > 0) this.newest = position;
  }

  get latest(): string | undefined {
    return this.newest;
  }
}

/**
 * Orders two store positions. Positions are opaque to the port, but every adapter writes them
 * as one or more decimal numbers (`"42"`, `"1024/1024"`), compared part by part.
 */
export function comparePositions(a: string, b: string): number {
  const pa = a.split(/\D+/).filter(Boolean).map(BigInt);
  const pb = b.split(/\D+/).filter(Boolean).map(BigInt);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? -1n;
    const y = pb[i] ?? -1n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
