import { ApiError } from '../errors/api-error';

/** The most rows one page of a list may hold; a larger `limit` is a `400`. */
export const MAX_PAGE_SIZE = 500;

/** Rows a page holds when the request names no `limit`; more rows are announced by `X-Next-Cursor`, never dropped. */
export const DEFAULT_PAGE_SIZE = MAX_PAGE_SIZE;

/** The sort key of a row: the values of the columns a list is ordered by, its id last, so every key is unique. */
export type SortKey = readonly (string | number | null)[];

/** What each part of a list's sort key must be: `string?` allows null (a column sorted nulls last). */
export type SortKeyPart = 'string' | 'number' | 'string?' | 'number?';

/** The page a caller asks for: at most `limit` rows after the row the `cursor` points at. */
export interface PageRequest {
  limit?: number;
  cursor?: string;
}

/** One page of a list and, when more rows follow, the cursor of the next page. */
export interface Page<T> {
  readonly rows: T[];
  readonly nextCursor?: string;
}

/**
 * A list's keyset paging: the cursor is opaque to callers (base64url of the list's name and the
 * sort key of the last row sent), so a query resumes with `WHERE (sort key) > (cursor's key)`
 * instead of an offset, and a cursor of another list or sort is refused.
 */
export class ListCursor {
  constructor(
    /** Names the list and its sort order, e.g. `cases:newest`. */
    readonly list: string,
    private readonly shape: readonly SortKeyPart[],
  ) {}

  encode(key: SortKey): string {
    return Buffer.from(JSON.stringify([this.list, ...key]), 'utf8').toString('base64url');
  }

  /** The sort key the cursor carries; a `400` naming the cursor when it is not one of this list. */
  decode(cursor: string): SortKey {
    const parts = parseCursor(cursor);
    if (!parts || parts[0] !== this.list || parts.length !== this.shape.length + 1 || !this.shape.every((part, i) => fits(part, parts[i + 1]))) {
      throw ApiError.badRequest(`cursor is not a cursor of this list (${this.list}): pass the X-Next-Cursor of the previous page unchanged, with the same sort`, [
        { field: 'cursor', message: 'not a cursor of this list' },
      ]);
    }
    return parts.slice(1) as SortKey;
  }

  /** The sort key to resume after, or undefined for the first page. */
  after(page: PageRequest): SortKey | undefined {
    return page.cursor === undefined ? undefined : this.decode(page.cursor);
  }

  /**
   * The page out of the rows a query fetched with `LIMIT limit + 1` (see `fetchSize`): the extra
   * row only says that more follow, and the cursor points at the last row kept.
   */
  page<R, T = R>(fetched: R[], page: PageRequest, keyOf: (row: R) => SortKey, toItem: (row: R) => T): Page<T> {
    const limit = pageSize(page);
    const kept = fetched.slice(0, limit);
    const rows = kept.map(toItem);
    return fetched.length > limit && kept.length > 0 ? { rows, nextCursor: this.encode(keyOf(kept[kept.length - 1])) } : { rows };
  }
}

/** The rows a page holds. */
export function pageSize(page: PageRequest): number {
  return page.limit ?? DEFAULT_PAGE_SIZE;
}

/** How many rows a keyset query fetches: one more than the page, to know whether more follow. */
export function fetchSize(page: PageRequest): number {
  return pageSize(page) + 1;
}

function parseCursor(cursor: string): unknown[] | undefined {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function fits(part: SortKeyPart, value: unknown): boolean {
  if (value === null) return part.endsWith('?');
  return part.startsWith('string') ? typeof value === 'string' : typeof value === 'number' && Number.isFinite(value);
}

/** Every row of a paged list, page after page (for callers inside the server; HTTP answers one page). */
export function allRows<T>(pageOf: (request: PageRequest) => Page<T>): T[] {
  const rows: T[] = [];
  let cursor: string | undefined;
  do {
    const page = pageOf(cursor === undefined ? {} : { cursor });
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return rows;
}
