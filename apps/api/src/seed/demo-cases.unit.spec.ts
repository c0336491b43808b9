import { createWorkingCalendar } from '@banjie/calendar';
import { DEMO_CASES, placeWarning, startInstant, type DemoCase } from './demo-cases';

const warned = DEMO_CASES.filter((d): d is DemoCase & { startedAt: { warning: 'yellow' | 'red'; limitWorkingDays: number } } => typeof d.startedAt === 'object' && 'warning' in d.startedAt);

/** Every day of 2026 and 2027, at 08:00 and 22:00 Beijing. */
function everyDay(): string[] {
  const instants: string[] = [];
  for (let ms = Date.parse('2026-01-01T00:00:00Z'); ms < Date.parse('2028-01-01T00:00:00Z'); ms += 86_400_000) {
    instants.push(new Date(ms).toISOString(), new Date(ms + 14 * 3_600_000).toISOString());
  }
  return instants;
}

describe('demo cases placed on the zone calendar', () => {
  it('has a yellow case in every zone and a red one where the plain starts give none', () => {
    expect(warned.filter((d) => d.startedAt.warning === 'yellow').map((d) => d.zoneId).sort()).toEqual(['az', 'cz', 'lf', 'sd', 'tg', 'xy', 'yp']);
    expect(warned.filter((d) => d.startedAt.warning === 'red').map((d) => d.zoneId).sort()).toEqual(['cz', 'tg']);
  });

  it('places every warning case on every day of 2026 and 2027, holidays included (the 3-WD Linfen case only inside its window: a working day after 09:36)', () => {
    const missed: string[] = [];
    const calendars = new Map(warned.map((d) => [d.zoneId, createWorkingCalendar({ zoneId: d.zoneId })]));
    for (const now of everyDay()) {
      for (const demo of warned) {
        const calendar = calendars.get(demo.zoneId) ?? createWorkingCalendar();
        const { at, placed } = placeWarning(demo.startedAt, demo, now, calendar);
        expect(Date.parse(at)).toBeLessThan(Date.parse(now));
        const beijing = new Date(Date.parse(now) + 8 * 3_600_000).toISOString();
        const inLinfenWindow = calendar.isWorkingDay(beijing.slice(0, 10)) && beijing.slice(11, 13) >= '10';
        if (!placed && (demo.businessKey !== 'LF-2026-D105' || inLinfenWindow)) missed.push(`${demo.businessKey} at ${now}`);
      }
    }
    expect(missed).toEqual([]);
  });

  it('starts a yellow case so that, counted as the engine counts, its last task is past the yellow share and before its deadline', () => {
    const now = '2026-12-04T06:00:00.000Z';
    const demo = warned.find((d) => d.businessKey === 'TG-2026-D105') as (typeof warned)[number];
    const calendar = createWorkingCalendar({ zoneId: 'tg' });
    const start = startInstant(demo, now, calendar);
    // the three steps an hour apart open the 30-WD post-check three hours after the start
    const opened = new Date(Date.parse(start) + 3 * 3_600_000).toISOString();
    expect(Date.parse(calendar.addWorkingDays(opened, 24))).toBeLessThanOrEqual(Date.parse(now));
    expect(Date.parse(calendar.addWorkingDays(opened, 30))).toBeGreaterThan(Date.parse(now));
  });

  it('gives every demo case a unique business key', () => {
    const keys = DEMO_CASES.map((d) => `${d.zoneId}:${d.businessKey}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
