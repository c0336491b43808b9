import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiMetrics } from '@banjie/api-core';
import { Public } from '@banjie/api-auth';
import { OpenTimers } from '@banjie/api-projections';
import { TimerStarts } from '@banjie/api-workflow';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: ApiMetrics,
    private readonly timers: OpenTimers,
    private readonly timerStarts: TimerStarts,
  ) {}

  @Get()
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Prometheus metrics: commands, latency, projection lag, open timers' })
  async scrape(): Promise<string> {
    this.metrics.openTimers.set(this.timers.count() + this.timerStarts.count());
    return this.metrics.registry.metrics();
  }
}
