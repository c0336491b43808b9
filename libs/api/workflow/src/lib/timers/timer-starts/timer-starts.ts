import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ApiError, BackgroundWork, CLOCK, CaseCommands, DefinitionRegistry, decodeDefinitionDeployed, WorkingCalendars, type Clock, type DefinitionRecord } from '@banjie/api-core';
import { CaseList, DefinitionList, ProjectionRunner } from '@banjie/api-projections';
import type { TimerDefinition } from '@banjie/engine';
import { filter, map, type Subscription } from 'rxjs';
import { firstOccurrence, nextOccurrence, timerStartCaseId, type TimerStartOccurrence } from './timer-start-occurrences';

/** One timer start event of the latest version of a definition, and its next occurrence. */
interface ScheduledStart {
  readonly elementId: string;
  readonly timer: TimerDefinition;
  next: TimerStartOccurrence | undefined;
}

/** The start timers of the latest version of one zone's definition key. */
interface KeySchedule {
  readonly key: string;
  readonly version: number;
  readonly zoneId: string;
  /** The zone its case ids name: undefined for a key of the old layout (see `timerStartCaseId`). */
  readonly caseIdZone: string | undefined;
  readonly starts: ScheduledStart[];
}

/** Past occurrences looked at when a schedule is (re)built: older ones are taken as done. */
const MAX_PAST_OCCURRENCES = 10_000;
/** Occurrences of one start timer started in one call at most; the rest follow at the next tick. */
const MAX_STARTS_PER_CALL = 1_000;

/**
 * Timer start events of deployed definitions. Keeps, per definition key, the start timers of
 * its latest version with their next occurrence: built at start for the latest versions, and
 * again whenever a version is deployed (by this process or another one; a newer version replaces
 * the older one's timers). Counting starts at the deployment time, so every api process derives
 * the same due times; an occurrence already started (its case exists) is skipped.
 *
 * When an occurrence is due, `fireDue` starts a case of that version at the start event with the
 * engine's clock at the due time, then moves on to the next occurrence. The case id is derived
 * from (key, version, start element, due time) and appended with `no_stream`, so when two
 * processes fire the same occurrence only one case starts: the other meets a wrong expected
 * revision, which counts as "already started".
 */
@Injectable()
export class TimerStarts implements OnModuleDestroy {
  private readonly logger = new Logger('TimerStarts');
  /** Schedules by `<zone>:<key>`. */
  private readonly byKey = new Map<string, KeySchedule>();
  /** The newest version seen of each zone's key, so a late deployment event never brings an older version back. */
  private readonly newest = new Map<string, number>();
  private subscription?: Subscription;
  /** Schedule updates run one after another, in the order deployments arrive. */
  private updates: Promise<void> = Promise.resolve();

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly definitions: DefinitionRegistry,
    private readonly definitionList: DefinitionList,
    private readonly caseList: CaseList,
    private readonly projections: ProjectionRunner,
    private readonly cases: CaseCommands,
    private readonly calendars: WorkingCalendars,
    private readonly background: BackgroundWork,
  ) {}

  /** Follows deployments and schedules the latest version of every key; call once the read models caught up. */
  async start(): Promise<void> {
    this.subscription = this.projections.applied$
      .pipe(map(decodeDefinitionDeployed), filter((record): record is DefinitionRecord => record !== undefined))
      .subscribe((record) => void this.update(() => this.schedule(record)));
    for (const latest of this.definitionList.latest(undefined)) {
      await this.update(async () => {
        const record = await this.definitions.find(latest.zoneId, latest.key, latest.version);
        if (record) await this.schedule(record);
      });
    }
  }

  onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    return this.updates;
  }

  /** Start timers waiting for their next occurrence. */
  count(): number {
    let count = 0;
    for (const schedule of this.byKey.values()) count += schedule.starts.filter((s) => s.next).length;
    return count;
  }

  /** Starts a case for every occurrence due at `now`; returns how many cases this process started. */
  async fireDue(now: string): Promise<number> {
    await this.updates;
    const nowMs = Date.parse(now);
    let started = 0;
    for (const schedule of [...this.byKey.values()]) {
      // A withdrawn flow starts no case: its due occurrences pass without one.
      const withdrawn = await this.definitions.isWithdrawn(schedule.zoneId, schedule.key);
      for (const start of schedule.starts) {
        for (let n = 0; n < MAX_STARTS_PER_CALL && start.next && Date.parse(start.next.dueAt) <= nowMs; n++) {
          if (this.byKey.get(zoneKey(schedule.zoneId, schedule.key)) !== schedule) break;
          const outcome = withdrawn ? 'skipped' : await this.startCase(schedule, start.elementId, start.next.dueAt);
          if (outcome === 'retry') break;
          if (outcome === 'started') started++;
          start.next = nextOccurrence(start.timer, start.next, this.calendars.forZone(schedule.zoneId));
        }
      }
    }
    return started;
  }

  private update(work: () => Promise<void>): Promise<void> {
    this.updates = this.updates.then(work).catch((error: unknown) => this.logger.error(`Scheduling timer starts failed: ${String(error)}`));
    return this.updates;
  }

  /** Replaces the key's start timers by those of `record`, unless a newer version is scheduled already. */
  private async schedule(record: DefinitionRecord): Promise<void> {
    const id = zoneKey(record.zoneId, record.key);
    if ((this.newest.get(id) ?? 0) >= record.version) return;
    this.newest.set(id, record.version);
    // Only a model with a timer event definition needs compiling to find out.
    const model = /timerEventDefinition/.test(record.xml) ? await this.definitions.model(record.zoneId, record.key, record.version) : undefined;
    const timers = model?.timerStartEvents ?? [];
    if (timers.length === 0) {
      this.byKey.delete(id);
      return;
    }
    const caseIdZone = (await this.definitions.isLegacyKey(record.zoneId, record.key)) ? undefined : record.zoneId;
    const calendar = this.calendars.forZone(record.zoneId);
    const starts = timers.flatMap(({ elementId, timer }): ScheduledStart[] => {
      const first = firstOccurrence(timer, record.deployedAt, calendar);
      if (first && 'error' in first) {
        this.logger.warn(`Timer start ${elementId} of ${record.key} v${record.version} is never due: ${first.error}`);
        return [];
      }
      return [{ elementId, timer, next: this.skipStarted(record, caseIdZone, elementId, timer, first) }];
    });
    this.byKey.set(id, { key: record.key, version: record.version, zoneId: record.zoneId, caseIdZone, starts });
  }

  /** The first occurrence from `first` on whose case does not exist yet, looking back from now. */
  private skipStarted(record: DefinitionRecord, caseIdZone: string | undefined, elementId: string, timer: TimerDefinition, first: TimerStartOccurrence | undefined): TimerStartOccurrence | undefined {
    const nowMs = Date.parse(this.clock.now());
    const past: TimerStartOccurrence[] = [];
    let next = first;
    while (next && Date.parse(next.dueAt) <= nowMs && past.length < MAX_PAST_OCCURRENCES) {
      past.push(next);
      next = nextOccurrence(timer, next, this.calendars.forZone(record.zoneId));
    }
    const lastStarted = past.findLastIndex((occurrence) => this.caseList.find(timerStartCaseId(record.key, record.version, elementId, occurrence.dueAt, caseIdZone)));
    if (lastStarted >= 0) return past[lastStarted + 1] ?? next;
    return past[0] ?? next;
  }

  /** Starts the case of one occurrence: `retry` when the store failed (tried again at the next tick). */
  private async startCase(schedule: KeySchedule, elementId: string, dueAt: string): Promise<'started' | 'already' | 'failed' | 'retry'> {
    const caseId = timerStartCaseId(schedule.key, schedule.version, elementId, dueAt, schedule.caseIdZone);
    try {
      await this.cases.start({
        caseId,
        now: dueAt,
        command: { type: 'StartCase', caseId, definitionKey: schedule.key, version: schedule.version, zoneId: schedule.zoneId, startEventId: elementId },
      });
      return 'started';
    } catch (error) {
      const work = `StartCase ${caseId} (timer start ${elementId} of ${schedule.key} v${schedule.version} due ${dueAt})`;
      // The stream exists: this occurrence's case was started, by another process or before a restart.
      if (this.background.failed('timer-starts', work, error) === 'settled') return 'already';
      // A refusal stays a refusal; anything else (the store) is tried again at the next tick.
      return error instanceof ApiError ? 'failed' : 'retry';
    }
  }
}

function zoneKey(zoneId: string, key: string): string {
  return `${zoneId}:${key}`;
}
