import type { WorkingCalendars } from '@banjie/api-core';
import type Database from 'better-sqlite3';
import { allProjections } from '../read-models/all-projections';
import { openReadModelDatabase } from '../read-models/read-model-database';
import { ZoneStats } from './zone-stats';

/** A calendar where every day is a working day (the used days are the whole days between) and 2027 has no notice loaded. */
const calendars = {
  forZone: () => ({
    workingDaysBetween: (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000),
    provisionalYears: (_from: string, to: string) => (to.startsWith('2027') ? [2027] : []),
  }),
} as unknown as WorkingCalendars;

function readModels(): Database.Database {
  const db = openReadModelDatabase(undefined);
  for (const projection of allProjections(calendars)) db.exec(projection.schema);
  return db;
}

function addCase(db: Database.Database, id: string, zone: string, key: string, status: string, startedAt: string, endedAt: string | null = null, workingDays: number | null = null): void {
  db.prepare(
    `INSERT INTO cases (id, zone_id, definition_key, version, business_key, status, started_at, ended_at, working_days, revision)
     VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, 1)`,
  ).run(id, zone, key, id, status, startedAt, endedAt, workingDays);
}

function addDeadline(db: Database.Database, id: string, caseId: string, zone: string, element: string, limit: number, startedAt: string, clearedAt: string | null, level = 'none'): void {
  db.prepare(
    `INSERT INTO deadlines (element_instance_id, case_id, zone_id, element_id, limit_working_days, started_at, due_at, level, cleared_at, on_time)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, caseId, zone, element, limit, startedAt, startedAt, level, clearedAt, clearedAt ? Number(level !== 'red') : null);
}

const NOW = new Date('2026-12-04T08:00:00Z'); // a Friday; its week starts Monday 2026-11-30

describe('the zone statistics', () => {
  it('count the open deadlines that run into a year without a loaded holiday notice, and name the years', () => {
    // given one open deadline into 2027, one closed one into 2027, one open one in 2026, and one in another zone
    const db = readModels();
    addCase(db, 'a', 'lf', 'lf-permit', 'active', '2026-12-01T01:00:00Z');
    addDeadline(db, 'a1', 'a', 'lf', 'Task_Review', 45, '2027-01-05T01:00:00Z', null);
    addDeadline(db, 'a2', 'a', 'lf', 'Task_Review', 45, '2027-01-06T01:00:00Z', '2027-01-07T01:00:00Z');
    addDeadline(db, 'a3', 'a', 'lf', 'Task_Fire', 5, '2026-12-01T01:00:00Z', null);
    addDeadline(db, 'b1', 'b', 'cz', 'Task_Review', 5, '2027-01-05T01:00:00Z', null);
    // when
    const stats = new ZoneStats(db, calendars);
    // then
    expect(stats.of('lf', NOW).provisional).toEqual({ deadlines: 1, years: [2027], reason: expect.stringContaining('2027 年国务院放假安排尚未载入') });
    expect(stats.of('province', NOW).provisional?.deadlines).toBe(2);
    expect(new ZoneStats(readModels(), calendars).of('lf', NOW).provisional).toBeUndefined();
  });

  it('count the cases of each flow and the working days their completed cases took, in the zone only', () => {
    // given
    const db = readModels();
    addCase(db, 'a', 'lf', 'lf-permit', 'active', '2026-12-01T01:00:00Z');
    addCase(db, 'b', 'lf', 'lf-permit', 'completed', '2026-11-02T01:00:00Z', '2026-11-20T01:00:00Z', 10);
    addCase(db, 'c', 'lf', 'lf-permit', 'completed', '2026-11-03T01:00:00Z', '2026-11-21T01:00:00Z', 20);
    addCase(db, 'd', 'cz', 'cz-permit', 'active', '2026-12-01T01:00:00Z');
    // when
    const stats = new ZoneStats(db, calendars).of('lf', NOW);
    // then
    expect(stats.flows).toEqual([{ definitionKey: 'lf-permit', active: 1, completed: 2, meanWorkingDays: 15 }]);
    expect(stats.cases).toEqual({ active: 1, completed: 2 });
    expect(new ZoneStats(db, calendars).of('province', NOW).flows?.map((flow) => flow.definitionKey)).toEqual(['cz-permit', 'lf-permit']);
  });

  it('set the working days each step used against its limit, with its open and red deadlines', () => {
    // given
    const db = readModels();
    addCase(db, 'a', 'lf', 'lf-permit', 'active', '2026-12-01T01:00:00Z');
    addDeadline(db, 'a1', 'a', 'lf', 'Task_Review', 3, '2026-11-01T01:00:00Z', '2026-11-03T01:00:00Z');
    addDeadline(db, 'a2', 'a', 'lf', 'Task_Review', 3, '2026-11-01T01:00:00Z', '2026-11-05T01:00:00Z', 'red');
    addDeadline(db, 'a3', 'a', 'lf', 'Task_Fire', 5, '2026-12-01T01:00:00Z', null, 'red');
    // when
    const stats = new ZoneStats(db, calendars).of('lf', NOW);
    // then
    expect(stats.steps).toEqual([
      { definitionKey: 'lf-permit', elementId: 'Task_Fire', limitWorkingDays: 5, meanUsedWorkingDays: null, closed: 0, open: 1, red: 1 },
      { definitionKey: 'lf-permit', elementId: 'Task_Review', limitWorkingDays: 3, meanUsedWorkingDays: 3, closed: 2, open: 0, red: 0 },
    ]);
    expect(stats.red).toBe(1);
  });

  it('count the cases started and completed in each of the last 12 weeks, Monday to Sunday in Beijing time', () => {
    // given
    const db = readModels();
    addCase(db, 'a', 'lf', 'lf-permit', 'active', '2026-11-29T17:00:00Z'); // Monday 30 Nov 01:00 in Beijing
    addCase(db, 'b', 'lf', 'lf-permit', 'completed', '2026-11-29T15:00:00Z', '2026-12-02T01:00:00Z', 3); // Sunday 29 Nov in Beijing
    addCase(db, 'c', 'lf', 'lf-permit', 'active', '2026-01-05T01:00:00Z'); // long before the 12 weeks
    // when
    const weeks = new ZoneStats(db, calendars).of('lf', NOW).weeks ?? [];
    // then
    expect(weeks).toHaveLength(12);
    expect(weeks[0].week).toBe('2026-09-14');
    expect(weeks.slice(-2)).toEqual([
      { week: '2026-11-23', started: 1, completed: 0 },
      { week: '2026-11-30', started: 1, completed: 1 },
    ]);
    expect(weeks.reduce((sum, week) => sum + week.started, 0)).toBe(2);
  });

  it('read one zone through its indexes, never by scanning a table', () => {
    // given
    const db = readModels();
    const sources: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((source: string) => {
      sources.push(source);
      return prepare(source);
    }) as typeof db.prepare;
    // when
    new ZoneStats(db, calendars).of('lf', NOW);
    // then
    const ours = sources.filter((source) => /GROUP BY|JOIN/.test(source));
    const scans = ours.flatMap((source) => {
      const parameters = Array.from(source.matchAll(/\?/g), () => 'lf');
      const plan = prepare(`EXPLAIN QUERY PLAN ${source}`).all(...parameters) as { detail: string }[];
      return plan.filter((step) => /^SCAN \w+( AS \w+)?$/.test(step.detail)).map((step) => `${step.detail} in: ${source.replace(/\s+/g, ' ')}`);
    });
    expect(ours).toHaveLength(4);
    expect(scans).toEqual([]);
  });
});
