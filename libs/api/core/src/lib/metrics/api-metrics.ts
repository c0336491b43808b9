import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The api's Prometheus metrics, served at `/api/metrics`. */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();

  readonly commands = this.counter('banjie_commands_total', 'Case commands handled, by command type and outcome', ['command', 'outcome']);
  readonly commandSeconds = new Histogram({
    name: 'banjie_command_duration_seconds',
    help: 'Time to read, decide and append one case command',
    labelNames: ['command'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly appendConflicts = this.counter('banjie_append_conflicts_total', 'Appends refused for a wrong expected revision and retried');
  readonly projectionLag = this.gauge('banjie_projection_lag_events', 'Events appended by this process that the read models have not applied yet');
  readonly projectedEvents = this.counter('banjie_projected_events_total', 'Events applied to the read models');
  readonly projectionFailures = this.counter('banjie_projection_failures_total', 'Times a read model failed on an event, by projection (each failed retry counts)', ['projection']);
  readonly projectionStopped = this.gauge('banjie_projection_stopped', '1 while a read model is stopped at an event it fails on, by projection', ['projection']);
  readonly openTimers = this.gauge('banjie_open_timers', 'Timers scheduled and not yet fired or cancelled');
  readonly timersFired = this.counter('banjie_timers_fired_total', 'Timers fired by the scheduler');
  readonly backgroundGaveUp = this.counter('banjie_background_gave_up_total', 'Background work (job workers, timers, message delivery) given up for a reason other than being already done, by worker', ['worker']);

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** A counter in this registry. */
  private counter<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** A gauge in this registry. */
  private gauge<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}
