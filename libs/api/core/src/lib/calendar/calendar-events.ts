import type { CalendarDay, ZoneId } from '@banjie/contracts';

/** The stream of the national arrangements: one `NationalNoticeLoaded` per loaded notice, and a `CalendarChangeApplied` after each recompute. */
export const NATIONAL_CALENDAR_STREAM = 'calendar-national';

/** The stream of one zone's own calendar changes. */
export function zoneCalendarStream(zoneId: string): string {
  return `calendar-zone-${zoneId}`;
}

/** Every calendar stream starts with this, so one filter follows them all. */
export const CALENDAR_STREAM_PREFIX = 'calendar-';

/** Payload of the events of the calendar streams, by type (all at version 1). */
export interface CalendarEventData {
  /** An admin loaded the State Council's arrangement of a year (replacing an earlier one of that year). */
  NationalNoticeLoaded: { year: number; daysOff: CalendarDay[]; workingDays: CalendarDay[]; note?: string; loadedAt: string; loadedBy: string };
  /** A zone's admin set the zone's own days off and working days of a year (replacing earlier ones of that year). */
  ZoneCalendarSet: { zoneId: ZoneId; year: number; daysOff: CalendarDay[]; workingDays: CalendarDay[]; note?: string; setAt: string; setBy: string };
  /** The open deadlines a calendar change touched were counted again; `changeId` is the change's event id. */
  CalendarChangeApplied: { changeId: string; cases: number; deadlines: number; at: string };
}

export type CalendarEventType = keyof CalendarEventData;

export const CALENDAR_EVENT_TYPES: readonly CalendarEventType[] = ['NationalNoticeLoaded', 'ZoneCalendarSet', 'CalendarChangeApplied'];

/** A calendar event as read from its stream. */
export type CalendarEvent = { [K in CalendarEventType]: { type: K; data: CalendarEventData[K] } }[CalendarEventType];

/** The calendar event of a recorded event, or undefined for any other type. */
export function asCalendarEvent(recorded: { type: string; data: unknown }): CalendarEvent | undefined {
  return (CALENDAR_EVENT_TYPES as readonly string[]).includes(recorded.type) ? (recorded as CalendarEvent) : undefined;
}
