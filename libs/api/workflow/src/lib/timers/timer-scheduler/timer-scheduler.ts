import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import {
  ApiMetrics,
  BackgroundWork,
  CLOCK,
  CaseCommands,
  EVENT_STORE,
  MANUAL_CLOCK_STREAM,
  ManualClock,
  lastManualClockSetting,
  type Clock,
  type ManualClockSetData,
} from '@banjie/api-core';
import { OpenTimers, ProjectionRunner } from '@banjie/api-projections';
import type { EventStore } from '@banjie/event-store';
import type { Subscription } from 'rxjs';
import { TimerStarts } from '../timer-starts/timer-starts';

const TICK_MS = 1_000;
/** A fired timer may schedule another one already due (a chain); follow at most this many rounds at once. */
const MAX_ROUNDS = 20;

/**
 * Fires due timers: starts the cases of due timer start events (`TimerStarts`), reads the
 * open-timers read model and sends `FireTimer` to each case. With the system clock it looks every
 * second; with the manual clock when the time is moved. Two replicas firing the same timer is
 * harmless: the second append meets a wrong expected revision, re-reads, and the engine refuses
 * to fire a timer twice (a timer start's case id is the same in both, so it starts once).
 * The manual clock follows the store: a `ManualClockSet` any replica records moves this replica's
 * clock too, and fires what is due here.
 */
@Injectable()
export class TimerScheduler implements OnModuleDestroy {
  private interval?: ReturnType<typeof setInterval>;
  private firing: Promise<number> | undefined;
  private clockSettings?: Subscription;

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly timers: OpenTimers,
    private readonly projections: ProjectionRunner,
    private readonly cases: CaseCommands,
    private readonly metrics: ApiMetrics,
    private readonly timerStarts: TimerStarts,
    private readonly background: BackgroundWork,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** Schedules the timer starts of the deployed definitions, then fires what is due, every second with the system clock. */
  async start(): Promise<void> {
    await this.timerStarts.start();
    if (this.clock instanceof ManualClock) await this.followManualClock(this.clock);
    if (this.clock.mode === 'system') this.interval = setInterval(() => void this.fireDue(), TICK_MS);
    void this.fireDue();
  }

  onModuleDestroy(): Promise<number> | undefined {
    clearInterval(this.interval);
    this.clockSettings?.unsubscribe();
    return this.firing;
  }

  /** Fires every timer due now (and those that firing makes due), timer starts included; returns how many fired. */
  fireDue(): Promise<number> {
    if (!this.firing) {
      this.firing = this.fireRounds().finally(() => (this.firing = undefined));
      return this.firing;
    }
    // A round is running: chain one more so timers due after its start fire too.
    return this.firing.then(() => this.fireDue());
  }

  /**
   * Moves `clock` to every `ManualClockSet` the read models apply (this replica's own too, at the
   * instant it already holds), in store order, so every replica ends at the last setting. The last
   * setting is read again once subscribed: one recorded since this process read it at start is not missed.
   */
  private async followManualClock(clock: ManualClock): Promise<void> {
    this.clockSettings = this.projections.applied$.subscribe((event) => {
      if (event.stream !== MANUAL_CLOCK_STREAM || event.type !== 'ManualClockSet') return;
      this.moveClock(clock, (event.data as ManualClockSetData).now);
    });
    const last = await lastManualClockSetting(this.store);
    if (last) this.moveClock(clock, last);
  }

  private moveClock(clock: ManualClock, instant: string): void {
    if (clock.now() === new Date(instant).toISOString()) return;
    clock.set(instant);
    void this.fireDue();
  }

  private async fireRounds(): Promise<number> {
    let fired = 0;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      await this.projections.catchUp();
      const started = await this.timerStarts.fireDue(this.clock.now());
      this.metrics.timersFired.inc(started);
      if (started > 0) await this.projections.catchUp();
      const due = this.timers.due(this.clock.now());
      this.metrics.openTimers.set(this.timers.count() + this.timerStarts.count());
      let firedThisRound = started;
      for (const timer of due) {
        // A timer another replica fired, or whose case moved on, is settled; any other failure is given up until the next tick.
        const outcome = await this.background.run('timer-scheduler', `FireTimer ${timer.id} of case ${timer.caseId}`, () =>
          this.cases.execute({ caseId: timer.caseId, command: { type: 'FireTimer', timerId: timer.id }, causationId: timer.id }),
        );
        if (outcome === 'done') {
          firedThisRound++;
          this.metrics.timersFired.inc();
        }
      }
      fired += firedThisRound;
      if (firedThisRound === 0) break;
    }
    return fired;
  }
}
