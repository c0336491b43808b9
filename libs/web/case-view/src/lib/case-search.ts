import type { ParamMap, Params } from '@angular/router';
import type { CaseStatus } from '@banjie/contracts';
import type { CaseFilter } from '@banjie/web-data-access';

/** Rows one page of the case list holds before 加载更多 Load more. */
export const CASE_PAGE_SIZE = 50;

/** The fields of the case search, each a query parameter of `/cases` (so the dashboard can link a filtered list). */
export const CASE_SEARCH_FIELDS = ['zoneId', 'definitionKey', 'status', 'businessKey', 'applicant', 'warning', 'startedFrom', 'startedTo', 'sort'] as const;

const STATUSES: readonly CaseStatus[] = ['active', 'completed', 'cancelled', 'terminated'];

/** The case search in the URL's query: a field the server would refuse (a wrong status, a malformed date) is left out. */
export function caseFilterOf(query: ParamMap): CaseFilter {
  const text = (name: string) => query.get(name)?.trim() || undefined;
  const oneOf = <T extends string>(name: string, values: readonly T[]) => values.find((value) => value === query.get(name));
  const date = (name: string) => (/^\d{4}-\d{2}-\d{2}$/.test(query.get(name) ?? '') ? (query.get(name) as string) : undefined);
  return dropEmpty({
    zoneId: text('zoneId'),
    definitionKey: text('definitionKey'),
    status: oneOf('status', STATUSES),
    businessKey: text('businessKey'),
    applicant: text('applicant'),
    warning: oneOf('warning', ['yellow', 'red'] as const),
    startedFrom: date('startedFrom'),
    startedTo: date('startedTo'),
    sort: oneOf('sort', ['newest', 'due'] as const),
  });
}

/** The page size asked in the URL (`limit`, 1–500), or the default. */
export function pageSizeOf(query: ParamMap): number {
  const limit = Number(query.get('limit'));
  return Number.isInteger(limit) && limit >= 1 && limit <= 500 ? limit : CASE_PAGE_SIZE;
}

/** The query parameters of a case search: only the fields set. */
export function caseQueryOf(filter: CaseFilter): Params {
  return dropEmpty({ ...filter });
}

function dropEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined && field !== '')) as T;
}
