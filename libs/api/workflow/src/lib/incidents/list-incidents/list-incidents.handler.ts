import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiError, canSeeZone, isProvinceWide, type Page } from '@banjie/api-core';
import { IncidentList, ProjectionRunner } from '@banjie/api-projections';
import type { IncidentView } from '@banjie/contracts';
import { ListIncidentsQuery } from './list-incidents.query';

@QueryHandler(ListIncidentsQuery)
export class ListIncidentsHandler implements IQueryHandler<ListIncidentsQuery> {
  constructor(
    private readonly incidents: IncidentList,
    private readonly projections: ProjectionRunner,
  ) {}

  async execute({ zoneId, actor, page }: ListIncidentsQuery): Promise<Page<IncidentView>> {
    if (zoneId && !canSeeZone(actor, zoneId)) throw ApiError.forbidden('The incidents of another zone are not yours to repair');
    await this.projections.catchUp();
    const zone = zoneId ?? (isProvinceWide(actor) ? undefined : actor.zoneId);
    const found = this.incidents.page({ zoneId: zone }, page);
    return { ...found, rows: found.rows.map(({ id, caseId, businessKey, definitionKey, elementId, message, since }) => ({ id, caseId, businessKey, definitionKey, elementId, message, since })) };
  }
}
