import { Injectable } from '@nestjs/common';
import { createWorkingCalendar, type WorkingCalendar } from '@banjie/calendar';

/** The working-day calendar of each zone, built once and shared. */
@Injectable()
export class WorkingCalendars {
  private readonly byZone = new Map<string, WorkingCalendar>();

  forZone(zoneId: string): WorkingCalendar {
    let calendar = this.byZone.get(zoneId);
    if (!calendar) {
      calendar = createWorkingCalendar({ zoneId });
      this.byZone.set(zoneId, calendar);
    }
    return calendar;
  }
}
