import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, caseStream } from '@banjie/api-core';
import { CaseAnchors, ProjectionRunner } from '@banjie/api-projections';
import type { VerifyView } from '@banjie/contracts';
import type { EventStore } from '@banjie/event-store';
import { CaseAccess } from '../../shared/case-access';
import { VerifyCaseQuery } from './verify-case.query';

/** Verifies the chain against the head hash the read models anchored outside the store. */
@QueryHandler(VerifyCaseQuery)
export class VerifyCaseHandler implements IQueryHandler<VerifyCaseQuery> {
  constructor(
    private readonly access: CaseAccess,
    private readonly anchors: CaseAnchors,
    private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ caseId, actor }: VerifyCaseQuery): Promise<VerifyView> {
    await this.access.load(caseId, actor);
    await this.projections.catchUp();
    const anchor = this.anchors.of(caseId);
    const result = await this.store.verify(caseStream(caseId), { expectedHeadHash: anchor?.hash });
    return result.valid ? { valid: true, events: result.events, headHash: result.headHash } : { valid: false, brokenAt: Number(result.brokenAt), events: result.events };
  }
}
