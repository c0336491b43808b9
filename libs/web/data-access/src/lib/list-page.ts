import { HttpClient, HttpParams, type HttpResponse } from '@angular/common/http';
import { EMPTY, Observable, expand, map, reduce } from 'rxjs';

/** One page of a list endpoint and the cursor of the next page (`X-Next-Cursor`), null on the last page. */
export interface ListPage<T> {
  rows: T[];
  nextCursor: string | null;
}

/** Reads one page of a list endpoint (docs/api.md "Lists"): its rows, and the next page's cursor from `X-Next-Cursor`. */
export function getPage<T>(http: HttpClient, url: string, params: HttpParams = new HttpParams(), cursor?: string | null): Observable<ListPage<T>> {
  const withCursor = cursor ? params.set('cursor', cursor) : params;
  return http.get<T[]>(url, { params: withCursor, observe: 'response' }).pipe(map((response) => pageOf(response)));
}

/** Every row of a list endpoint, following `X-Next-Cursor` page after page (for lists the page shows whole). */
export function getAllPages<T>(http: HttpClient, url: string, params: HttpParams = new HttpParams()): Observable<T[]> {
  return getPage<T>(http, url, params).pipe(
    expand((page) => (page.nextCursor ? getPage<T>(http, url, params, page.nextCursor) : EMPTY)),
    reduce((rows: T[], page) => [...rows, ...page.rows], []),
  );
}

function pageOf<T>(response: HttpResponse<T[]>): ListPage<T> {
  return { rows: response.body ?? [], nextCursor: response.headers.get('X-Next-Cursor') };
}
