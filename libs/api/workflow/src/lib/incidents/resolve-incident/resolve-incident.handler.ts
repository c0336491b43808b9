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
    const jobRetries = await this.retriesToGiveBack(incident.caseId, incidentId);
    const outcome = await this.cases.execute({
      caseId: incident.caseId,
      actor,
      correlationId,
      authorize: (header) => assertCanSee(actor, header),
      command: { type: 'ResolveIncident', incidentId, ...(jobRetries !== undefined ? { jobRetries } : {}) },
    });
    return outcome.view;
  }

  /**
   * A job that failed with no retries left gets one back, as the Retry of Camunda Operate does
   * (the engine, like Zeebe, resolves such an incident only once the job has retries).
   */
  private async retriesToGiveBack(caseId: string, incidentId: string): Promise<number | undefined> {
    const held = (await this.cases.load(caseId))?.state.incidents.find((i) => i.incidentId === incidentId);
    return held?.retry === 'job' && held.jobRetries === 0 ? 1 : undefined;
  }
}
