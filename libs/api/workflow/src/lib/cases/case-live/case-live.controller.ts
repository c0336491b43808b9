import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, caseStream, type Actor } from '@banjie/api-core';
import { AcceptsSseTicket, CurrentActor, READERS, Roles } from '@banjie/api-auth';
import { ProjectionRunner } from '@banjie/api-projections';
import type { EventStore, RecordedEvent } from '@banjie/event-store';
import type { Request, Response } from 'express';
import { filter } from 'rxjs';
import { CaseAccess } from '../../shared/case-access';
import { caseIdPipe } from '../../shared/case-id.pipe';
import { toCaseEventView } from '../../shared/case-event-view';
import { EventStreamResponse, lastEventIdOf } from '../../shared/event-stream-response';

/**
 * `GET /api/cases/:id/live`: the case's events as plain Server-Sent Events messages, `id:` =
 * revision, `data:` = the event as `/events` shows it (its `type` inside). A client
 * resuming with `Last-Event-ID: n` gets the events after n from the store, then live ones, each once.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CaseLiveController {
  constructor(
    private readonly access: CaseAccess,
    private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':id/live')
  @Roles(...READERS)
  @AcceptsSseTicket()
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Live events of a case (SSE; resume with Last-Event-ID; ?ticket= accepted)' })
  async live(@Param('id', caseIdPipe) id: string, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.access.load(id, actor);
    const stream = caseStream(id);
    const last = Number(lastEventIdOf(req) ?? -1);
    let sent = Number.isInteger(last) && last >= -1 ? last : -1;
    const sse = new EventStreamResponse(req, res);
    const pending: RecordedEvent[] = [];
    let replaying = true;
    const send = (event: RecordedEvent) => {
      if (Number(event.revision) <= sent) return;
      sent = Number(event.revision);
      sse.send(String(event.revision), toCaseEventView(event));
    };
    // Listen first, then replay: an event landing in between is buffered, and the revision check drops doubles.
    const subscription = this.projections.applied$.pipe(filter((e) => e.stream === stream)).subscribe((event) => (replaying ? pending.push(event) : send(event)));
    sse.whenClosed(() => subscription.unsubscribe());
    for await (const event of this.store.readStream(stream, { from: BigInt(sent + 1) })) {
      if (sse.isClosed) return;
      send(event);
    }
    replaying = false;
    for (const event of pending) send(event);
  }
}
