import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, caseStream } from '@banjie/api-core';
import type { CaseEventView } from '@banjie/contracts';
import type { EventStore } from '@banjie/event-store';
import { CaseAccess } from '../../shared/case-access';
import { toCaseEventView } from '../../shared/case-event-view';
import { CaseEventsQuery } from './case-events.query';

@QueryHandler(CaseEventsQuery)
export class CaseEventsHandler implements IQueryHandler<CaseEventsQuery> {
  constructor(
    private readonly access: CaseAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ caseId, actor }: CaseEventsQuery): Promise<CaseEventView[]> {
    await this.access.load(caseId, actor);
    const events: CaseEventView[] = [];
    for await (const event of this.store.readStream(caseStream(caseId))) events.push(toCaseEventView(event));
    return events;
  }
}
