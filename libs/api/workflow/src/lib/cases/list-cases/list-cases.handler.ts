import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiError, canSeeZone, isProvinceWide, type Actor, type Page } from '@banjie/api-core';
import { CaseList, ProjectionRunner, type CaseFilter, type CaseListEntry } from '@banjie/api-projections';
import type { CaseSummary } from '@banjie/contracts';
import type { ListCasesDto } from './list-cases.dto';
import { ListCasesQuery } from './list-cases.query';

/** Beijing time, where a date-only bound of `startedFrom`/`startedTo` is a day. */
const BEIJING = '+08:00';
const DAY_MS = 86_400_000;

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(
    private readonly cases: CaseList,
    private readonly projections: ProjectionRunner,
  ) {}

  async execute({ filter, actor }: ListCasesQuery): Promise<Page<CaseSummary>> {
    const caseFilter = toCaseFilter(filter, actor);
    await this.projections.catchUp();
    const page = this.cases.page(caseFilter, { limit: filter.limit, cursor: filter.cursor });
    return { ...page, rows: page.rows.map(toSummary) };
  }
}

/** The read model's filter: the caller's zone unless province-wide, an applicant's own cases only. */
function toCaseFilter(filter: ListCasesDto, actor: Actor): CaseFilter {
  if (filter.zoneId !== undefined && !canSeeZone(actor, filter.zoneId)) throw ApiError.forbidden(`The cases of zone ${filter.zoneId} are not yours to see`);
  const onlyOwn = actor.roles.every((r) => r === 'applicant');
  const startedFrom = filter.startedFrom === undefined ? undefined : instantOf(filter.startedFrom, 0);
  const startedTo = filter.startedTo === undefined ? undefined : instantOf(filter.startedTo, DAY_MS);
  if (startedFrom && startedTo && startedFrom > startedTo) throw ApiError.badRequest('startedFrom must not be after startedTo', [{ field: 'startedFrom', message: 'after startedTo' }]);
  return {
    zoneId: isProvinceWide(actor) ? filter.zoneId : actor.zoneId,
    status: filter.status,
    definitionKey: filter.definitionKey,
    businessKey: filter.businessKey,
    startedBy: onlyOwn ? actor.id : filter.applicant,
    warning: filter.warning,
    startedFrom,
    startedTo,
    sort: filter.sort,
  };
}

/** A date-time as a UTC ISO instant; a date alone is its Beijing day's start, plus `dayShift` (the end of an inclusive day). */
function instantOf(value: string, dayShift: number): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const ms = dateOnly ? Date.parse(`${value}T00:00:00${BEIJING}`) + dayShift : Date.parse(value);
  return new Date(ms).toISOString();
}

function toSummary(entry: CaseListEntry): CaseSummary {
  const summary: CaseSummary & Partial<Pick<CaseListEntry, 'startedBy' | 'revision'>> = { ...entry };
  delete summary.startedBy;
  delete summary.revision;
  return summary;
}
