import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ApiError, EVENT_STORE, caseStream, caseViewOf, toEngineEvent } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';
import { fold, type EngineEvent } from '@banjie/engine';
import type { EventStore } from '@banjie/event-store';
import { CaseAccess } from '../../shared/case-access';
import { CaseStateQuery } from './case-state.query';

/** Replays the first `revision + 1` events with the same appliers that run live. */
@QueryHandler(CaseStateQuery)
export class CaseStateHandler implements IQueryHandler<CaseStateQuery> {
  constructor(
    private readonly access: CaseAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ caseId, revision, actor }: CaseStateQuery): Promise<CaseView> {
    const loaded = await this.access.load(caseId, actor);
    if (BigInt(revision) > loaded.revision) throw ApiError.notFound(`Revision ${revision} of case ${caseId}`);
    const events: EngineEvent[] = [];
    for await (const event of this.store.readStream(caseStream(caseId), { from: 0n, maxCount: revision + 1 })) events.push(toEngineEvent(event));
    return caseViewOf({ state: fold(events), revision: BigInt(revision) });
  }
}
