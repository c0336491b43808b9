import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { isProvinceWide } from '@banjie/api-core';
import { CaseList, ProjectionRunner, type CaseListEntry } from '@banjie/api-projections';
import type { CaseSummary } from '@banjie/contracts';
import { ListCasesQuery } from './list-cases.query';

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(
    private readonly cases: CaseList,
    private readonly projections: ProjectionRunner,
  ) {}

  async execute({ filter, actor }: ListCasesQuery): Promise<CaseSummary[]> {
    await this.projections.catchUp();
    const onlyOwn = actor.roles.every((r) => r === 'applicant');
    return this.cases
      .list({ ...filter, zoneId: isProvinceWide(actor) ? undefined : actor.zoneId, startedBy: onlyOwn ? actor.id : undefined })
      .map((entry) => toSummary(entry));
  }
}

function toSummary(entry: CaseListEntry): CaseSummary {
  const summary: CaseSummary & Partial<Pick<CaseListEntry, 'startedBy' | 'revision'>> = { ...entry };
  delete summary.startedBy;
  delete summary.revision;
  return summary;
}
