import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError, CaseCommands, canSeeZone } from '@banjie/api-core';
import { IncidentList, ProjectionRunner } from '@banjie/api-projections';
import type { CaseView } from '@banjie/contracts';
import { assertCanSee } from '../../shared/case-access';
import { ResolveIncidentCommand } from './resolve-incident.command';

/** Finds the incident's case through the incidents read model (404 when unknown, resolved or of another zone), then retries. */
@CommandHandler(ResolveIncidentCommand)
export class ResolveIncidentHandler implements ICommandHandler<ResolveIncidentCommand> {
  constructor(
    private readonly incidents: IncidentList,
    private readonly projections: ProjectionRunner,
    private readonly cases: CaseCommands,
  ) {}

  async execute({ incidentId, actor, correlationId }: ResolveIncidentCommand): Promise<CaseView> {
    let incident = this.incidents.find(incidentId);
    if (!incident) {
      // An incident this process just raised may not be in the read model yet.
      await this.projections.catchUp();
      incident = this.incidents.find(incidentId);
    }
    if (!incident || !canSeeZone(actor, incident.zoneId)) throw ApiError.notFound(`Incident ${incidentId}`);
    const outcome = await this.cases.execute({
      caseId: incident.caseId,
      actor,
      correlationId,
      authorize: (header) => assertCanSee(actor, header),
      command: { type: 'ResolveIncident', incidentId },
    });
    return outcome.view;
  }
}
