import { ApiError } from '../errors/api-error';
import { ListCursor, allRows } from './list-page';
import { nextPageUrl } from './list-page.interceptor';

describe('ListCursor: opaque keyset cursors of a list', () => {
  const cases = new ListCursor('cases:due', ['string?', 'string']);

  it('gives back the sort key it was made from, nulls included', () => {
    // given
    const cursor = cases.encode([null, 'case-9']);

    // when
    const key = cases.decode(cursor);

    // then
    expect(key).toEqual([null, 'case-9']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses a cursor of another list, of another shape, or no cursor at all with a 400', () => {
    // given
    const tasks = new ListCursor('tasks', ['string', 'string']);
    const foreign = tasks.encode(['2026-12-01T00:00:00.000Z', 'task-1']);

    // when
    const attempts = [foreign, 'not a cursor', Buffer.from('{"a":1}').toString('base64url'), cases.encode(['x', 'y']).slice(0, -3), new ListCursor('cases:due', ['number', 'string']).encode([3, 'c'])];

    // then
    for (const attempt of attempts) {
      expect(() => cases.decode(attempt)).toThrow(ApiError);
      expect(() => cases.decode(attempt)).toThrow(/cursor is not a cursor of this list \(cases:due\)/);
    }
  });

  it('keeps `limit` rows of the `limit + 1` fetched and points the next page at the last one kept', () => {
    // when
    const more = cases.page(['a', 'b', 'c'], { limit: 2 }, (row) => [null, row], (row) => row.toUpperCase());
    const last = cases.page(['a', 'b'], { limit: 2 }, (row) => [null, row], (row) => row);

    // then
    expect(more.rows).toEqual(['A', 'B']);
    expect(cases.decode(more.nextCursor ?? '')).toEqual([null, 'b']);
    expect(last.nextCursor).toBeUndefined();
  });

  it('collects every page for callers inside the server', () => {
    // given 5 rows served 2 at a time
    const rows = ['r1', 'r2', 'r3', 'r4', 'r5'];
    const cursor = new ListCursor('rows', ['string']);
    const pageOf = (request: { cursor?: string }) => {
      const after = cursor.after(request)?.[0];
      const rest = rows.filter((row) => after === undefined || row > (after as string));
      return cursor.page(rest.slice(0, 3), { limit: 2 }, (row) => [row], (row) => row);
    };

    // when
    const all = allRows(pageOf);

    // then
    expect(all).toEqual(rows);
  });

  it('links the next page with the request’s own filters', () => {
    // when
    const link = nextPageUrl('/api/cases?status=active&cursor=old&limit=2', 'abc');

    // then
    expect(link).toBe('/api/cases?status=active&cursor=abc&limit=2');
  });
});
