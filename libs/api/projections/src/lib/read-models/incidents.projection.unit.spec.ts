import type { RecordedEvent } from '@banjie/event-store';
import { IncidentList } from '../queries/incident-list';
import { casesProjection } from './cases.projection';
import { incidentsProjection } from './incidents.projection';
import { openReadModelDatabase } from './read-model-database';

let position = 0;
function recorded(caseId: string, type: string, data: Record<string, unknown>, zoneId = 'lf'): RecordedEvent {
  position++;
  return {
    id: `e${position}`, stream: `case-${caseId}`, revision: BigInt(position), position: String(position), type, data,
    metadata: { zoneId, engineTime: '2026-02-10T09:00:00.000+08:00' }, recordedAt: '2026-02-10T01:00:05.000Z', prevHash: '', hash: `h${position}`,
  };
}

function started(caseId: string, zoneId: string, businessKey: string): RecordedEvent {
  return recorded(caseId, 'CaseStarted', { caseId, definitionKey: 'fee-check', version: 1, zoneId, businessKey, startedAt: '2026-02-10T01:00:00.000Z' }, zoneId);
}

function raised(caseId: string, incidentId: string, zoneId = 'lf'): RecordedEvent {
  return recorded(caseId, 'IncidentRaised', { incidentId, elementId: 'Task_Fee', elementInstanceId: `i-${incidentId}`, message: 'no variable area', retry: 'activate' }, zoneId);
}

describe('the incidents read model', () => {
  const calendars = { forZone: () => ({ workingDaysBetween: () => 0 }) } as never;

  function given(...events: RecordedEvent[]): IncidentList {
    const db = openReadModelDatabase(undefined);
    const projections = [casesProjection(calendars), incidentsProjection];
    for (const p of projections) db.exec(p.schema);
    for (const event of events) projections.forEach((p) => p.apply(db, event));
    return new IncidentList(db);
  }

  it('lists a raised incident with its case, business key, element, message and the engine time it was raised', () => {
    // given
    const incidents = given(started('c1', 'lf', 'LF-1'), raised('c1', 'inc1'));

    // when
    const listed = incidents.list({ zoneId: 'lf' });

    // then
    expect(listed).toEqual([
      { id: 'inc1', caseId: 'c1', zoneId: 'lf', businessKey: 'LF-1', definitionKey: 'fee-check', elementId: 'Task_Fee', message: 'no variable area', since: '2026-02-10T09:00:00.000+08:00' },
    ]);
    expect(incidents.find('inc1')?.caseId).toBe('c1');
  });

  it('shows a zone only its own incidents, and a province-wide reader every zone', () => {
    // given
    const incidents = given(started('c1', 'lf', 'LF-1'), raised('c1', 'inc1'), started('c2', 'cz', 'CZ-1'), raised('c2', 'inc2', 'cz'));

    // when
    const lf = incidents.list({ zoneId: 'lf' }).map((i) => i.id);
    const all = incidents.list({}).map((i) => i.id);

    // then
    expect(lf).toEqual(['inc1']);
    expect(all.sort()).toEqual(['inc1', 'inc2']);
  });

  it('drops an incident once resolved, and every incident of a case that ended', () => {
    // given
    const incidents = given(started('c1', 'lf', 'LF-1'), raised('c1', 'inc1'), started('c2', 'lf', 'LF-2'), raised('c2', 'inc2'));

    // when
    const afterResolve = given(started('c1', 'lf', 'LF-1'), raised('c1', 'inc1'), recorded('c1', 'IncidentResolved', { incidentId: 'inc1' })).list({});
    const afterCancel = given(started('c2', 'lf', 'LF-2'), raised('c2', 'inc2'), recorded('c2', 'CaseCancelled', { reason: 'x', endedAt: '2026-02-11T01:00:00.000Z' })).list({});

    // then
    expect(incidents.list({}).length).toBe(2);
    expect(afterResolve).toEqual([]);
    expect(afterCancel).toEqual([]);
    expect(incidents.find('missing')).toBeUndefined();
  });
});
