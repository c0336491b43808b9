import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, EVENT_STORE, WritePositions, type Clock } from '@banjie/api-core';
import { Public } from '@banjie/api-auth';
import { ProjectionRunner } from '@banjie/api-projections';
import type { HealthView } from '@banjie/contracts';
import type { EventStore } from '@banjie/event-store';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionRunner,
    private readonly writes: WritePositions,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness, store kind, read-model position, stopped read models and clock; degraded while a read model is stopped' })
  health(): HealthView {
    // Still 200: the api serves, and every read model but the stopped ones is current.
    const stopped = this.projections.stoppedProjections;
    return {
      status: stopped.length > 0 ? 'degraded' : 'ok',
      store: this.store.kind,
      projections: { position: this.projections.projectedPosition ?? null, written: this.writes.latest ?? null, stopped },
      clock: { mode: this.clock.mode, now: this.clock.now() },
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
