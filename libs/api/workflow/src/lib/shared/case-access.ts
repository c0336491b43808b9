import { Injectable } from '@nestjs/common';
import { ApiError, CaseCommands, canSeeZone, type Actor, type CaseHeader, type LoadedCase } from '@banjie/api-core';

/**
 * Who may see a case: users of its zone and province-wide users; an applicant only the cases
 * they started. Anyone else is told the case does not exist (404), so ids of other zones leak nothing.
 */
@Injectable()
export class CaseAccess {
  constructor(private readonly cases: CaseCommands) {}

  /** The case folded to its newest event, when the actor may see it; 404 otherwise. */
  async load(caseId: string, actor: Actor): Promise<LoadedCase> {
    const loaded = await this.cases.load(caseId);
    if (!loaded) throw ApiError.notFound(`Case ${caseId}`);
    assertCanSee(actor, loaded.header);
    return loaded;
  }
}

/** Throws 404 unless the actor may see the case (for `CaseCommands` `authorize` hooks). */
export function assertCanSee(actor: Actor, header: CaseHeader): void {
  const visible = canSeeZone(actor, header.zoneId) && (!actor.roles.every((r) => r === 'applicant') || header.startedBy === actor.id);
  if (!visible) throw ApiError.notFound(`Case ${header.caseId}`);
}
