import { CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, map } from 'rxjs';
import type { Page } from './list-page';

/**
 * Answers a handler's `Page` as the plain JSON array of its rows (what list clients have always
 * read), and announces the next page in `X-Next-Cursor` and `Link: <…>; rel="next"`.
 */
@Injectable()
export class ListPageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<Page<unknown>>): Observable<unknown[]> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      map((page) => {
        if (page.nextCursor !== undefined) {
          response.setHeader('X-Next-Cursor', page.nextCursor);
          response.setHeader('Link', `<${nextPageUrl(request.originalUrl, page.nextCursor)}>; rel="next"`);
        }
        return page.rows;
      }),
    );
  }
}

/** Marks a list endpoint whose handler answers a `Page`. */
export const ListPage = (): MethodDecorator & ClassDecorator => UseInterceptors(ListPageInterceptor);

/** The request's own path and query with the cursor of the next page. */
export function nextPageUrl(originalUrl: string, nextCursor: string): string {
  const url = new URL(originalUrl, 'http://banjie.invalid');
  url.searchParams.set('cursor', nextCursor);
  return `${url.pathname}${url.search}`;
}
