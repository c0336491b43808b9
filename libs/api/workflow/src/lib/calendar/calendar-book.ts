import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  CALENDAR_STREAM_PREFIX,
  CLOCK,
  CaseCommands,
  EVENT_STORE,
  NATIONAL_CALENDAR_STREAM,
  WorkingCalendars,
  WritePositions,
  asCalendarEvent,
  zoneCalendarStream,
  type Actor,
  type CalendarEvent,
  type CalendarEventData,
  type Clock,
} from '@banjie/api-core';
import { OpenDeadlines, ProjectionRunner } from '@banjie/api-projections';
import type { CalendarChangeView, CalendarDay, NationalCalendarChangeView, NationalCalendarYearView, ZoneCalendarChangeView, ZoneCalendarYearView, ZoneId } from '@banjie/contracts';
import type { EventStore, RecordedEvent } from '@banjie/event-store';
import { randomUUID } from 'node:crypto';

/** A calendar change whose open deadlines still have to be counted again. */
interface PendingChange {
  id: string;
  description: string;
  kind: 'national' | 'zone';
  year: number;
  zoneId?: ZoneId;
  at: string;
  position: string;
}

/** Cases counted again at once after a calendar change. */
const RECOMPUTE_CONCURRENCY = 4;
const MS_PER_DAY = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/**
 * The calendars as events: loads the State Council notices and the zones' own days off and
 * working days from the `calendar-*` streams into {@link WorkingCalendars} (and follows them, so
 * every api instance counts on the same calendar), writes an admin's change as an event, and then
 * makes every case with an open deadline count it again (`RecomputeDeadlines`); a
 * `CalendarChangeApplied` event records that this was done, so a change a crash interrupted is
 * finished at the next start.
 */
@Injectable()
export class CalendarBook implements OnModuleDestroy {
  private readonly logger = new Logger('Calendar');
  /** Ids of the change events already counted, written here or read from the store. */
  private readonly seen = new Set<string>();
  private readonly pending = new Map<string, PendingChange>();
  private following?: AbortController;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendars: WorkingCalendars,
    private readonly cases: CaseCommands,
    private readonly deadlines: OpenDeadlines,
    private readonly projections: ProjectionRunner,
    private readonly writePositions: WritePositions,
  ) {}

  /** Reads every calendar event, then follows new ones (another instance's changes) in the background. */
  async start(): Promise<void> {
    const controller = new AbortController();
    this.following = controller;
    const subscription = this.store.subscribeToAll({ filter: { streamPrefix: [CALENDAR_STREAM_PREFIX] }, signal: controller.signal })[Symbol.asyncIterator]();
    for (;;) {
      const next = await subscription.next();
      if (next.done || next.value.kind === 'caughtUp') break;
      this.apply(next.value.event);
    }
    void (async () => {
      try {
        for (;;) {
          const next = await subscription.next();
          if (next.done) return;
          if (next.value.kind === 'event') this.apply(next.value.event);
        }
      } catch (error) {
        if (!controller.signal.aborted) this.logger.error(`following the calendar streams stopped: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  }

  onModuleDestroy(): void {
    this.following?.abort();
  }

  /**
   * Once the read models have caught up at start: finishes the calendar changes a crash left
   * without their recompute, and warns of each year within the next 12 months whose deadlines are
   * provisional because its notice is not loaded.
   */
  async afterCatchUp(): Promise<void> {
    for (const change of [...this.pending.values()]) {
      this.logger.warn(`counting the open deadlines again for an unfinished calendar change: ${change.description}`);
      await this.recompute(change);
    }
    for (const year of this.provisionalYearsAhead()) {
      this.logger.warn(
        `no State Council holiday notice is loaded for ${year}: deadlines reaching into it are provisional (counted on the statutory holidays of the law); load it with PUT /api/calendar/national/${year}`,
      );
    }
  }

  /** The years within the next 12 months whose national arrangement is the law's only. */
  provisionalYearsAhead(): number[] {
    const nowMs = Date.parse(this.clock.now());
    const first = beijingYear(nowMs);
    const last = beijingYear(nowMs + 365 * MS_PER_DAY);
    const years: number[] = [];
    for (let year = first; year <= last; year++) if (this.calendars.nationalCalendar().isProvisional(year)) years.push(year);
    return years;
  }

  /** The national arrangement of the years around now and of every year with a loaded notice. */
  nationalYears(): NationalCalendarYearView[] {
    const current = beijingYear(Date.parse(this.clock.now()));
    const years = new Set<number>([current - 1, current, current + 1, current + 2, ...this.calendars.nationalCalendar().noticeYears()]);
    return [...years].sort((a, b) => a - b).map((year) => this.nationalYear(year));
  }

  nationalYear(year: number): NationalCalendarYearView {
    const arrangement = this.calendars.nationalCalendar().year(year);
    const notice = arrangement.source === 'notice' ? this.calendars.notice(year) : undefined;
    return {
      year,
      source: arrangement.source,
      provisional: arrangement.source === 'law',
      daysOff: toDays(arrangement.daysOff),
      workingDays: toDays(arrangement.workingDays),
      ...(notice ? { loadedAt: notice.loadedAt, loadedBy: notice.loadedBy, ...(notice.note ? { note: notice.note } : {}) } : {}),
    };
  }

  zoneYear(zoneId: ZoneId, year: number): ZoneCalendarYearView {
    const set = this.calendars.zoneYear(zoneId, year);
    return {
      zoneId,
      year,
      daysOff: set?.daysOff ?? [],
      workingDays: set?.workingDays ?? [],
      ...(set ? { setAt: set.setAt, setBy: set.setBy, ...(set.note ? { note: set.note } : {}) } : {}),
    };
  }

  /** Records a State Council notice for a year and moves the open deadlines it touches (the caller has checked the actor is a province admin). */
  async loadNotice(year: number, input: { daysOff: CalendarDay[]; workingDays: CalendarDay[]; note?: string }, actor: Actor): Promise<NationalCalendarChangeView> {
    const data: CalendarEventData['NationalNoticeLoaded'] = { year, ...input, loadedAt: this.clock.now(), loadedBy: actor.id };
    const change = await this.record(NATIONAL_CALENDAR_STREAM, { type: 'NationalNoticeLoaded', data }, actor);
    return { calendar: this.nationalYear(year), ...change };
  }

  /** Records a zone's own days off and working days for a year and moves that zone's open deadlines (the caller has checked the actor may). */
  async setZoneYear(zoneId: ZoneId, year: number, input: { daysOff: CalendarDay[]; workingDays: CalendarDay[]; note?: string }, actor: Actor): Promise<ZoneCalendarChangeView> {
    const data: CalendarEventData['ZoneCalendarSet'] = { zoneId, year, ...input, setAt: this.clock.now(), setBy: actor.id };
    const change = await this.record(zoneCalendarStream(zoneId), { type: 'ZoneCalendarSet', data }, actor);
    return { calendar: this.zoneYear(zoneId, year), ...change };
  }

  private async record(stream: string, event: ChangeEvent, actor: Actor): Promise<CalendarChangeView> {
    const id = randomUUID();
    const zoneId = event.type === 'ZoneCalendarSet' ? event.data.zoneId : undefined;
    const metadata = { v: 1, actor: { id: actor.id, roles: actor.roles, zoneId: actor.zoneId }, ...(zoneId ? { zoneId } : {}) };
    const result = await this.store.append(stream, [{ id, type: event.type, data: event.data, metadata }], { expected: 'any' });
    this.writePositions.record(result.position);
    const change = pendingChange(id, event, this.clock.now(), result.position);
    this.applyChange(id, event, change);
    const recomputed = await this.recompute(change);
    return { change: { id, kind: change.kind, year: change.year, ...(zoneId ? { zoneId } : {}), description: change.description, at: change.at }, recomputed };
  }

  /** Makes every case with an open deadline (in the change's zone) count it on the new calendar, then records that it was done. */
  private async recompute(change: PendingChange): Promise<{ cases: number; deadlines: number }> {
    // The deadline board must hold every deadline set before the change, or a case would be missed.
    await this.projections.waitFor(change.position);
    const caseIds = this.deadlines.casesWithOpenDeadlines(change.zoneId);
    let cases = 0;
    let deadlines = 0;
    const queue = [...caseIds];
    const worker = async () => {
      for (let caseId = queue.shift(); caseId !== undefined; caseId = queue.shift()) {
        try {
          const outcome = await this.cases.execute({
            caseId,
            causationId: change.id,
            command: { type: 'RecomputeDeadlines', calendarChange: { id: change.id, description: change.description } },
          });
          const moved = outcome.events.filter((e) => e.type === 'DeadlineSet').length;
          if (moved > 0) {
            cases += 1;
            deadlines += moved;
          }
        } catch (error) {
          this.logger.error(`case ${caseId} could not count its deadlines again after "${change.description}": ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(RECOMPUTE_CONCURRENCY, queue.length) }, worker));
    const applied: CalendarEventData['CalendarChangeApplied'] = { changeId: change.id, cases, deadlines, at: this.clock.now() };
    const stream = change.zoneId ? zoneCalendarStream(change.zoneId) : NATIONAL_CALENDAR_STREAM;
    const result = await this.store.append(stream, [{ id: randomUUID(), type: 'CalendarChangeApplied', data: applied, metadata: { v: 1, causationId: change.id } }], { expected: 'any' });
    this.writePositions.record(result.position);
    this.pending.delete(change.id);
    this.logger.log(`${change.description}: ${deadlines} deadline(s) of ${cases} case(s) counted again`);
    return { cases, deadlines };
  }

  private apply(recorded: RecordedEvent): void {
    const event = asCalendarEvent(recorded);
    if (!event) return;
    if (event.type === 'CalendarChangeApplied') {
      this.pending.delete(event.data.changeId);
      return;
    }
    this.applyChange(recorded.id, event, pendingChange(recorded.id, event, recorded.recordedAt, recorded.position));
  }

  /** Counts a change from now on (once, whether it was written here or read from the store). */
  private applyChange(id: string, event: ChangeEvent, change: PendingChange): void {
    if (this.seen.has(id)) return;
    this.seen.add(id);
    if (event.type === 'NationalNoticeLoaded') this.calendars.applyNotice(event.data);
    else this.calendars.applyZoneYear(event.data);
    this.pending.set(id, change);
  }
}

/** A calendar event that changes the calendar (not the record that a recount finished). */
type ChangeEvent = Exclude<CalendarEvent, { type: 'CalendarChangeApplied' }>;

/** The change a calendar event makes, described once whether it was written here or read from the store. */
function pendingChange(id: string, event: ChangeEvent, at: string, position: string): PendingChange {
  const { year } = event.data;
  if (event.type === 'NationalNoticeLoaded') {
    return { id, kind: 'national', year, at, position, description: `${year} 年国务院放假安排已载入 (State Council holiday notice for ${year} loaded by ${event.data.loadedBy})` };
  }
  const { zoneId, setBy } = event.data;
  return { id, kind: 'zone', year, zoneId, at, position, description: `${zoneId} 区 ${year} 年日历调整 (zone ${zoneId} calendar for ${year} set by ${setBy})` };
}

function toDays(days: Readonly<Record<string, string>>): CalendarDay[] {
  return Object.entries(days)
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

function beijingYear(ms: number): number {
  return new Date(ms + BEIJING_OFFSET_MS).getUTCFullYear();
}
