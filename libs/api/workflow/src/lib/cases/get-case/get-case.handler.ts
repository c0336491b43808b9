import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CaseView } from '@banjie/contracts';
import { WorkingCalendars, caseViewOf } from '@banjie/api-core';
import { CaseAccess } from '../../shared/case-access';
import { withProvisionalMarks } from '../../shared/provisional-marks';
import { GetCaseQuery } from './get-case.query';

/** Folds the case's stream (cached by revision): always current, whatever the read models' lag. */
@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(
    private readonly access: CaseAccess,
    private readonly calendars: WorkingCalendars,
  ) {}

  async execute({ caseId, actor }: GetCaseQuery): Promise<CaseView> {
    const loaded = await this.access.load(caseId, actor);
    return withProvisionalMarks(this.calendars, caseViewOf(loaded));
  }
}
