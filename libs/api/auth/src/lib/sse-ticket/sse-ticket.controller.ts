import { Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import type { SseTicketResponse } from '@banjie/contracts';
import { CurrentActor } from '../access/access.decorators';
import { SseTickets } from '../access/sse-tickets';

/** `POST /api/auth/sse-ticket`: a single-use ticket, valid 60 s, that opens one live stream as the caller. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class SseTicketController {
  constructor(private readonly tickets: SseTickets) {}

  @Post('sse-ticket')
  @ApiOperation({ summary: 'A single-use ticket (60 s) for one live stream: GET …/live?ticket=' })
  issue(@CurrentActor() actor: Actor): SseTicketResponse {
    return this.tickets.issue(actor);
  }
}
