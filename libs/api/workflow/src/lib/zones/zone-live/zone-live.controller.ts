import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiError, EVENT_STORE, canSeeZone, comparePositions, type Actor } from '@banjie/api-core';
import { AcceptsSseTicket, CurrentActor, Roles } from '@banjie/api-auth';
import { ProjectionRunner } from '@banjie/api-projections';
import { CASE_STREAM_PREFIX, caseIdOfStream } from '@banjie/engine';
import type { EventStore, RecordedEvent } from '@banjie/event-store';
import type { Request, Response } from 'express';
import { toCaseEventView } from '../../shared/case-event-view';
import { EventStreamResponse, lastEventIdOf } from '../../shared/event-stream-response';

/**
 * `GET /api/zones/:zoneId/live`: every case event of a zone as plain Server-Sent Events messages,
 * `id:` = store position, `data:` = `{caseId, ...}` and the event as `/events` shows it. Resuming with `Last-Event-ID` replays what came after that position, then goes live.
 */
@ApiTags('zones')
@ApiBearerAuth()
@Controller('zones')
export class ZoneLiveController {
  constructor(
    private readonly projections: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get(':zoneId/live')
  @Roles('designer', 'clerk', 'agent', 'leader', 'auditor', 'admin')
  @AcceptsSseTicket()
  @ApiProduces('text/event-stream')
  @ApiOperation({ summary: 'Live case events of a zone (SSE; id = store position; resume with Last-Event-ID; ?ticket= accepted)' })
  async live(@Param('zoneId') zoneId: string, @CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (!canSeeZone(actor, zoneId)) throw ApiError.notFound(`Zone ${zoneId}`);
    const inZone = (e: RecordedEvent) => zoneId === 'province' || e.metadata['zoneId'] === zoneId;
    let sent = lastEventIdOf(req);
    const sse = new EventStreamResponse(req, res);
    const pending: RecordedEvent[] = [];
    let replaying = sent !== undefined;
    const send = (event: RecordedEvent) => {
      const caseId = caseIdOfStream(event.stream);
      if (caseId === undefined || !inZone(event) || (sent !== undefined && comparePositions(event.position, sent) <= 0)) return;
      sent = event.position;
      sse.send(event.position, { caseId, ...toCaseEventView(event) });
    };
    const subscription = this.projections.applied$.subscribe((event) => (replaying ? pending.push(event) : send(event)));
    sse.whenClosed(() => subscription.unsubscribe());
    if (sent === undefined) return;
    for await (const event of this.store.readAll({ after: sent, filter: { streamPrefix: [CASE_STREAM_PREFIX] } })) {
      if (sse.isClosed) return;
      send(event);
    }
    replaying = false;
    for (const event of pending) send(event);
  }
}
