import { createMemoryEventStore, type EventStore } from '@banjie/event-store';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkingCalendars } from '../calendar/working-calendars';
import { CaseCommands, type CaseCommandOutcome } from '../cases/case-commands';
import { ManualClock } from '../clock/clock';
import { ApiMetrics } from '../metrics/api-metrics';
import { WritePositions } from '../store/write-positions';
import { DefinitionRegistry } from './definition-registry';

const fixture = (name: string) => readFileSync(join(__dirname, name), 'utf8');
const PARENT = fixture('called-parent.bpmn');
const BY_EXPRESSION = fixture('called-by-expression.bpmn');
const CHILD = fixture('called-child.bpmn');
const CHILD_V2 = fixture('called-child-v2.bpmn');
const GRANDCHILD = fixture('called-grandchild.bpmn');

/** One api instance on a store: its own definitions in memory and its own case commands. */
function apiInstance(store: EventStore): { definitions: DefinitionRegistry; cases: CaseCommands } {
  const clock = new ManualClock('2026-03-02T01:00:00Z');
  const writePositions = new WritePositions();
  const definitions = new DefinitionRegistry(store, clock, writePositions);
  return { definitions, cases: new CaseCommands(store, clock, definitions, new WorkingCalendars(), writePositions, new ApiMetrics()) };
}

async function startCase(cases: CaseCommands, definitionKey: string, zoneId = 'tg', variables: Record<string, unknown> = {}): Promise<CaseCommandOutcome> {
  const caseId = randomUUID();
  return cases.start({ caseId, command: { type: 'StartCase', caseId, definitionKey, version: 1, zoneId, businessKey: 'TG-2026-003', variables } });
}

async function completeTask(cases: CaseCommands, outcome: CaseCommandOutcome, elementId: string): Promise<CaseCommandOutcome> {
  const task = outcome.view.tasks.find((t) => t.elementId === elementId);
  if (!task) throw new Error(`no open task at ${elementId}: ${JSON.stringify(outcome.view.tasks)}`);
  return cases.execute({ caseId: outcome.header.caseId, command: { type: 'CompleteTask', taskId: task.id, userId: 'tg-clerk' } });
}

const openTasks = (outcome: CaseCommandOutcome) => outcome.view.tasks.map((t) => [t.elementId, t.name]);

describe('called processes of a case', () => {
  let store: EventStore;
  let first: ReturnType<typeof apiInstance>;

  beforeEach(async () => {
    store = createMemoryEventStore();
    first = apiInstance(store);
    for (const xml of [GRANDCHILD, CHILD, PARENT, BY_EXPRESSION]) await first.definitions.deploy(xml, {}, 'tg');
  });

  afterEach(() => store.close());

  it('a call reaches the first task of a deployed process that no case has run yet', async () => {
    // when
    const started = await startCase(first.cases, 'called-parent');

    // then
    expect(started.view.incidents).toEqual([]);
    expect(openTasks(started)).toEqual([['Task_ChildReview', '子流程审查 Child review']]);
    expect(started.events.find((e) => e.type === 'CalledProcessStarted')?.data).toMatchObject({ processId: 'called-child', version: 1 });
  });

  it("a called process's own call activity reaches the nested process", async () => {
    // given
    const started = await startCase(first.cases, 'called-parent');

    // when
    const next = await completeTask(first.cases, started, 'Task_ChildReview');

    // then
    expect(next.view.incidents).toEqual([]);
    expect(openTasks(next)).toEqual([['Task_GrandchildSign', '孙流程签发 Grandchild sign-off']]);
  });

  it('a FEEL process id calls the process that the case variables name', async () => {
    // when
    const started = await startCase(first.cases, 'called-by-expression', 'tg', { matterProcess: 'called-grandchild' });

    // then
    expect(started.view.incidents).toEqual([]);
    expect(openTasks(started)).toEqual([['Task_GrandchildSign', '孙流程签发 Grandchild sign-off']]);
  });

  it('another instance on the store, which deployed nothing, resolves the called processes and goes on with a case started elsewhere', async () => {
    // given a case started on the first instance, waiting in its called process
    const started = await startCase(first.cases, 'called-parent');
    const second = apiInstance(store);

    // when the second instance (or the first after a restart) starts a case and works the first one
    const startedThere = await startCase(second.cases, 'called-parent');
    const workedThere = await completeTask(second.cases, started, 'Task_ChildReview');

    // then
    expect(openTasks(startedThere)).toEqual([['Task_ChildReview', '子流程审查 Child review']]);
    expect(workedThere.view.incidents).toEqual([]);
    expect(openTasks(workedThere)).toEqual([['Task_GrandchildSign', '孙流程签发 Grandchild sign-off']]);
  });

  it('a call runs the latest version in the store, deployed by another instance, while a running child stays on its version', async () => {
    // given the second instance ran version 1 of the child
    const second = apiInstance(store);
    const onVersion1 = await startCase(second.cases, 'called-parent');

    // when the first instance deploys version 2, which ends after the review
    const v2 = await first.definitions.deploy(CHILD_V2, {}, 'tg');
    const onVersion2 = await startCase(second.cases, 'called-parent');
    const version1Goes = await completeTask(second.cases, onVersion1, 'Task_ChildReview');

    // then
    expect(v2.definition.version).toBe(2);
    expect(openTasks(onVersion2)).toEqual([['Task_ChildReview', '子流程审查 v2 Child review, no sign-off']]);
    expect(openTasks(version1Goes)).toEqual([['Task_GrandchildSign', '孙流程签发 Grandchild sign-off']]);
  });

  it('a call activity resolves the called key in its own zone when another zone deployed the same keys', async () => {
    // given lf deploys the same parent key and its own model of the child key that tg has
    await first.definitions.deploy(PARENT, {}, 'lf');
    await first.definitions.deploy(CHILD_V2, {}, 'lf');

    // when each zone starts its parent
    const inLf = await startCase(first.cases, 'called-parent', 'lf');
    const inTg = await startCase(first.cases, 'called-parent', 'tg');

    // then each call runs its own zone's child, as version 1 of that zone
    expect(openTasks(inLf)).toEqual([['Task_ChildReview', '子流程审查 v2 Child review, no sign-off']]);
    expect(openTasks(inTg)).toEqual([['Task_ChildReview', '子流程审查 Child review']]);
    expect(inLf.events.find((e) => e.type === 'CalledProcessStarted')?.data).toMatchObject({ processId: 'called-child', version: 1 });
  });

  it('a process deployed in another zone cannot be called', async () => {
    // given a parent of zone lf that calls a key of zone tg
    await first.definitions.deploy(PARENT.replace('id="called-parent"', 'id="lf-parent"'), {}, 'lf');

    // when
    const started = await startCase(first.cases, 'lf-parent', 'lf');

    // then
    expect(started.view.tasks).toEqual([]);
    expect(started.view.incidents).toEqual([expect.objectContaining({ elementId: 'CallActivity_Child', message: 'the called process "called-child" is not deployed' })]);
  });
});
