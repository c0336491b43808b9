import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, ListCursor, caseStream, type Page } from '@banjie/api-core';
import type { CaseEventView } from '@banjie/contracts';
import type { EventStore } from '@banjie/event-store';
import { CaseAccess } from '../../shared/case-access';
import { toCaseEventView } from '../../shared/case-event-view';
import { CaseEventsQuery } from './case-events.query';

/** Events are listed by revision; the cursor carries the last revision sent. */
const EVENT_CURSOR = new ListCursor('case-events', ['number']);

@QueryHandler(CaseEventsQuery)
export class CaseEventsHandler implements IQueryHandler<CaseEventsQuery> {
  constructor(
    private readonly access: CaseAccess,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ caseId, actor, page }: CaseEventsQuery): Promise<Page<CaseEventView>> {
    const after = EVENT_CURSOR.after(page);
    await this.access.load(caseId, actor);
    const from = after === undefined ? undefined : BigInt(Number(after[0]) + 1);
    const events: CaseEventView[] = [];
    const read = this.store.readStream(caseStream(caseId), { ...(from === undefined ? {} : { from }), ...(page.limit === undefined ? {} : { maxCount: page.limit + 1 }) });
    for await (const event of read) events.push(toCaseEventView(event));
    if (page.limit === undefined) return { rows: events };
    return EVENT_CURSOR.page(events, page, (event) => [event.revision], (event) => event);
  }
}
