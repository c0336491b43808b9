import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { BackgroundWork, CLOCK, EVENT_STORE, WritePositions, type Clock } from '@banjie/api-core';
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
    private readonly background: BackgroundWork,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness, store kind, write health, read-model position, stopped read models, clock and background work given up; degraded while a read model is stopped or the store cannot write' })
  health(): HealthView {
    // Still 200: the api serves reads, and every read model but the stopped ones is current.
    const stopped = this.projections.stoppedProjections;
    const writes = this.store.writeHealth?.() ?? {};
    return {
      status: stopped.length > 0 || writes.failingSince !== undefined ? 'degraded' : 'ok',
      store: this.store.kind,
      storeWrites: writes.failingSince === undefined ? { ok: true } : { ok: false, failingSince: writes.failingSince, error: writes.error ?? null },
      projections: { position: this.projections.projectedPosition ?? null, written: this.writes.latest ?? null, stopped },
      clock: { mode: this.clock.mode, now: this.clock.now() },
      // The alert of background work given up; not in `status`: the api still serves, a person looks.
      background: { gaveUp: this.background.gaveUp },
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
