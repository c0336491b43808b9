import type { RecordedEvent } from '@banjie/event-store';
import { allProjections } from './all-projections';
import { preparedSources } from './projection';
import { openReadModelDatabase } from './read-model-database';

/** Every event type a read model handles, with one payload carrying the fields any of them reads. */
const EVENT_TYPES = [
  'CaseStarted', 'TaskCreated', 'TaskClaimed', 'TaskUnclaimed', 'DeadlineSet', 'DeadlineWarned', 'DeadlineCleared', 'TimerScheduled', 'TimerFired',
  'TimerCancelled', 'MessageSubscriptionOpened', 'MessageSubscriptionClosed', 'JobCreated', 'JobCompleted', 'JobFailed', 'TaskCompleted',
  'TaskCancelled', 'CaseCompleted', 'CaseCancelled', 'CaseTerminated', 'DefinitionDeployed', 'ServiceEvaluated', 'VariablesSet',
  'IncidentRaised', 'IncidentResolved',
];
const AT = '2026-02-09T01:00:00.000Z';
const DATA = {
  caseId: 'c1', definitionKey: 'k', version: 1, zoneId: 'lf', businessKey: 'LF-1', startedAt: AT, endedAt: AT, taskId: 't1', elementId: 'Task_A',
  elementInstanceId: 'i1', name: 'A', candidateGroups: ['window'], candidateUsers: [], createdAt: AT, userId: 'u', at: AT, dueAt: AT, yellowAt: AT,
  limitWorkingDays: 3, level: 'yellow', timerId: 'tm1', purpose: 'deadline', subscriptionId: 's1', messageName: 'm', correlationKey: 'LF-1', jobId: 'j1',
  jobType: 'register', message: 'failed', incidentId: 'inc1', score: 5, key: 'k', hash: 'h', xml: '<x/>', deployedAt: AT,
};

describe('the read models', () => {
  it('find the rows each event changes through an index, never by scanning a table', () => {
    // given
    const calendars = { forZone: () => ({ workingDaysBetween: () => 1 }) } as never;
    const db = openReadModelDatabase(undefined);
    const projections = allProjections(calendars);
    for (const projection of projections) db.exec(projection.schema);
    // when
    EVENT_TYPES.forEach((type, revision) => {
      const event: RecordedEvent = {
        id: `e${revision}`, stream: 'case-c1', revision: BigInt(revision), position: String(revision + 1), type, data: DATA,
        metadata: { zoneId: 'lf', actor: { id: 'u' } }, recordedAt: AT, prevHash: '', hash: `h${revision}`,
      };
      for (const projection of projections) projection.apply(db, event);
    });
    for (const projection of projections) projection.flush?.(db);
    // then
    const sources = preparedSources(db).filter((source) => /\bWHERE\b/i.test(source));
    const scans = sources.flatMap((source) => {
      const parameters = Array.from(source.matchAll(/\?/g), () => null);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...parameters) as { detail: string }[];
      return plan.filter((step) => /^SCAN \w+$/.test(step.detail)).map((step) => `${step.detail} in: ${source.replace(/\s+/g, ' ')}`);
    });
    expect(sources.length).toBeGreaterThan(10);
    expect(scans).toEqual([]);
  });
});
