import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The api's Prometheus metrics, served at `/api/metrics`. */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'banjie_commands_total',
    help: 'Case commands handled, by command type and outcome',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly commandSeconds = new Histogram({
    name: 'banjie_command_duration_seconds',
    help: 'Time to read, decide and append one case command',
    labelNames: ['command'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  readonly appendConflicts = new Counter({
    name: 'banjie_append_conflicts_total',
    help: 'Appends refused for a wrong expected revision and retried',
    registers: [this.registry],
  });

  readonly projectionLag = new Gauge({
    name: 'banjie_projection_lag_events',
    help: 'Events appended by this process that the read models have not applied yet',
    registers: [this.registry],
  });

  readonly projectedEvents = new Counter({
    name: 'banjie_projected_events_total',
    help: 'Events applied to the read models',
    registers: [this.registry],
  });

  readonly openTimers = new Gauge({
    name: 'banjie_open_timers',
    help: 'Timers scheduled and not yet fired or cancelled',
    registers: [this.registry],
  });

  readonly timersFired = new Counter({
    name: 'banjie_timers_fired_total',
    help: 'Timers fired by the scheduler',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
