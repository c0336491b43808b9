/** Where credentials sit in a logged request or response: pino writes `[redacted]` there instead. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.query.access_token',
  'req.query.ticket',
  'res.headers["set-cookie"]',
];

/** Query parameters whose values are credentials (a token or a live-stream ticket). */
const SECRET_QUERY = /([?&](?:access_token|ticket)=)[^&#]*/gi;

/** The url with the values of its credential query parameters replaced, for the log. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]');
}

/** pino-http's `req` serializer: the standard record with a redacted url. */
export function redactRequestUrl<T extends { url?: string }>(req: T): T {
  if (typeof req.url === 'string') req.url = redactUrl(req.url);
  return req;
}
