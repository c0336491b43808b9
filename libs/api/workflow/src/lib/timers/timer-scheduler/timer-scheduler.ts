import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ApiError, ApiMetrics, CLOCK, CaseCommands, type Clock } from '@banjie/api-core';
import { OpenTimers, ProjectionRunner } from '@banjie/api-projections';

const TICK_MS = 1_000;
/** A fired timer may schedule another one already due (a chain); follow at most this many rounds at once. */
const MAX_ROUNDS = 20;

/**
 * Fires due timers: reads the open-timers read model and sends `FireTimer` to each case. With the
 * system clock it looks every second; with the manual clock when the time is moved. Two replicas
 * firing the same timer is harmless: the second append meets a wrong expected revision, re-reads,
 * and the engine refuses to fire a timer twice.
 */
@Injectable()
export class TimerScheduler implements OnModuleDestroy {
  private readonly logger = new Logger('TimerScheduler');
  private interval?: ReturnType<typeof setInterval>;
  private firing: Promise<number> | undefined;

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly timers: OpenTimers,
    private readonly projections: ProjectionRunner,
    private readonly cases: CaseCommands,
    private readonly metrics: ApiMetrics,
  ) {}

  start(): void {
    if (this.clock.mode === 'system') this.interval = setInterval(() => void this.fireDue(), TICK_MS);
    void this.fireDue();
  }

  onModuleDestroy(): Promise<number> | undefined {
    clearInterval(this.interval);
    return this.firing;
  }

  /** Fires every timer due now (and those that firing makes due); returns how many fired. */
  fireDue(): Promise<number> {
    if (!this.firing) {
      this.firing = this.fireRounds().finally(() => (this.firing = undefined));
      return this.firing;
    }
    // A round is running: chain one more so timers due after its start fire too.
    return this.firing.then(() => this.fireDue());
  }

  private async fireRounds(): Promise<number> {
    let fired = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      await this.projections.catchUp();
      const due = this.timers.due(this.clock.now());
      this.metrics.openTimers.set(this.timers.count());
      if (due.length === 0) break;
      let firedThisRound = 0;
      for (const timer of due) {
        try {
          await this.cases.execute({ caseId: timer.caseId, command: { type: 'FireTimer', timerId: timer.id }, causationId: timer.id });
          firedThisRound++;
          this.metrics.timersFired.inc();
        } catch (error) {
          if (!(error instanceof ApiError)) this.logger.error(`Timer ${timer.id} of case ${timer.caseId} failed: ${String(error)}`);
        }
      }
      fired += firedThisRound;
      if (firedThisRound === 0) break;
    }
    return fired;
  }
}
