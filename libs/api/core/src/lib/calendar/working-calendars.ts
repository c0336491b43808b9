import { Injectable } from '@nestjs/common';
import { createWorkingCalendar, NationalCalendar, provisionalReason, type WorkingCalendar } from '@banjie/calendar';
import type { CalendarDay, DeadlineView, TaskView } from '@banjie/contracts';
import type { CalendarEventData } from './calendar-events';

type ZoneYear = CalendarEventData['ZoneCalendarSet'];

/**
 * The working-day calendar of each zone: the national arrangements (loaded notices, else the
 * `chinese-days` table, else the law) plus the zone's own overrides, built once per change and
 * shared. The calendar events of the store are applied here (see the workflow's `CalendarBook`);
 * a command decides on the calendar as it stands when it runs.
 */
@Injectable()
export class WorkingCalendars {
  private national = new NationalCalendar();
  private readonly nationalNotices = new Map<number, CalendarEventData['NationalNoticeLoaded']>();
  private readonly zoneYears = new Map<string, Map<number, ZoneYear>>();
  private readonly byZone = new Map<string, WorkingCalendar>();

  forZone(zoneId: string): WorkingCalendar {
    let calendar = this.byZone.get(zoneId);
    if (!calendar) {
      const years = [...(this.zoneYears.get(zoneId)?.values() ?? [])];
      calendar = createWorkingCalendar({
        zoneId,
        national: this.national,
        overrides: { holidays: years.flatMap((y) => y.daysOff.map((d) => d.date)), workingDays: years.flatMap((y) => y.workingDays.map((d) => d.date)) },
      });
      this.byZone.set(zoneId, calendar);
    }
    return calendar;
  }

  /** The national arrangements as they now stand. */
  nationalCalendar(): NationalCalendar {
    return this.national;
  }

  /** The loaded notice of a year, when one is. */
  notice(year: number): CalendarEventData['NationalNoticeLoaded'] | undefined {
    return this.nationalNotices.get(year);
  }

  /** A zone's own changes of a year, when it has any. */
  zoneYear(zoneId: string, year: number): ZoneYear | undefined {
    return this.zoneYears.get(zoneId)?.get(year);
  }

  /** Counts a loaded notice from now on (every zone's calendar is rebuilt on next use). */
  applyNotice(notice: CalendarEventData['NationalNoticeLoaded']): void {
    this.nationalNotices.set(notice.year, notice);
    this.national = this.national.withNotice({ year: notice.year, daysOff: byDate(notice.daysOff), workingDays: byDate(notice.workingDays) });
    this.byZone.clear();
  }

  /** Counts a zone's own changes of a year from now on. */
  applyZoneYear(change: ZoneYear): void {
    let years = this.zoneYears.get(change.zoneId);
    if (!years) this.zoneYears.set(change.zoneId, (years = new Map()));
    years.set(change.year, change);
    this.byZone.delete(change.zoneId);
  }

  /** The years between `from` and `to` counted on the law only in a zone, and why, when there are any. */
  provisional(zoneId: string, from: string, to: string): { provisional: true; provisionalReason: string } | undefined {
    const years = this.forZone(zoneId).provisionalYears(from, to);
    return years.length > 0 ? { provisional: true, provisionalReason: provisionalReason(years) } : undefined;
  }

  /** A task with its provisional mark, when its deadline runs into a year counted on the law only. */
  markTask<T extends TaskView>(zoneId: string, task: T): T {
    const mark = task.dueAt ? this.provisional(zoneId, task.createdAt, task.dueAt) : undefined;
    return mark ? { ...task, ...mark } : task;
  }

  /** A deadline with its provisional mark, when it runs into a year counted on the law only. */
  markDeadline(zoneId: string, deadline: DeadlineView): DeadlineView {
    const mark = this.provisional(zoneId, deadline.startedAt, deadline.dueAt);
    return mark ? { ...deadline, ...mark } : deadline;
  }
}

function byDate(days: readonly CalendarDay[]): Record<string, string> {
  return Object.fromEntries(days.map((d) => [d.date, d.name]));
}
