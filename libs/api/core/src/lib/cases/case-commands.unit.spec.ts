import { createMemoryEventStore, type EventStore } from '@banjie/event-store';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkingCalendars } from '../calendar/working-calendars';
import { ManualClock } from '../clock/clock';
import { DefinitionRegistry } from '../definitions/definition-registry';
import { ApiError } from '../errors/api-error';
import { CaseRejected } from '../errors/rejection-error';
import { ApiMetrics } from '../metrics/api-metrics';
import { WritePositions } from '../store/write-positions';
import { CaseCommands, caseViewOf, foldCacheEnabled } from './case-commands';

const CHILD = readFileSync(join(__dirname, '../definitions/called-child.bpmn'), 'utf8');
const GRANDCHILD = readFileSync(join(__dirname, '../definitions/called-grandchild.bpmn'), 'utf8');
const start = (caseId: string) => ({ caseId, command: { type: 'StartCase' as const, caseId, definitionKey: 'called-child', version: 1, zoneId: 'tg', businessKey: 'TG-1' } });

describe('CaseCommands', () => {
  let store: EventStore;
  let cases: CaseCommands;

  beforeEach(async () => {
    store = createMemoryEventStore();
    const clock = new ManualClock('2026-03-02T01:00:00Z');
    const writePositions = new WritePositions();
    const definitions = new DefinitionRegistry(store, clock, writePositions);
    for (const xml of [GRANDCHILD, CHILD]) await definitions.deploy(xml, {}, 'tg');
    cases = new CaseCommands(store, clock, definitions, new WorkingCalendars(), writePositions, new ApiMetrics());
  });

  afterEach(() => store.close());

  it('refuses a command on a case that does not exist with the domain reason not_found', async () => {
    // when
    const refused = cases.execute({ caseId: 'nobody', command: { type: 'ClaimTask', taskId: 't', userId: 'tg-clerk' } });

    // then
    await expect(refused).rejects.toBeInstanceOf(CaseRejected);
    await expect(refused).rejects.toMatchObject({ reason: 'not_found', status: 404, message: 'Case nobody not found' });
  });

  it('refuses starting a case that exists as already done, and a second claim as an invalid state', async () => {
    // given
    const started = await cases.start(start('c-1'));
    const task = started.view.tasks[0];
    await cases.execute({ caseId: 'c-1', command: { type: 'ClaimTask', taskId: task.id, userId: 'tg-clerk' } });

    // when
    const again = cases.start(start('c-1'));
    const taken = cases.execute({ caseId: 'c-1', command: { type: 'ClaimTask', taskId: task.id, userId: 'tg-agent' } });

    // then
    await expect(again).rejects.toMatchObject({ reason: 'already_done', code: 'conflict' });
    await expect(taken).rejects.toMatchObject({ reason: 'invalid_state', code: 'conflict' });
  });

  it('checks who may act before the business rules, and the business rules before the engine', async () => {
    // given
    const started = await cases.start(start('c-2'));
    const task = started.view.tasks[0];
    const checks: string[] = [];

    // when the business check refuses
    const refused = cases.execute({
      caseId: 'c-2',
      command: { type: 'CompleteTask', taskId: task.id, userId: 'tg-clerk' },
      authorize: () => void checks.push('authorize'),
      validate: (_header, state) => {
        checks.push(`validate:${state.tasks.length}`);
        throw new ApiError('invalid_variables', 'The variables do not fit the form');
      },
    });

    // then nothing is decided: the task stays open
    await expect(refused).rejects.toMatchObject({ code: 'invalid_variables' });
    expect(checks).toEqual(['authorize', 'validate:1']);
    const loaded = await cases.load('c-2');
    expect(loaded && caseViewOf(loaded).tasks.map((t) => t.id)).toEqual([task.id]);
  });
  it('reads only the events after the folded case it keeps, and the whole stream with BANJIE_FOLD_CACHE=0', async () => {
    // given a case worked by two commands, with and without the cache of folded cases
    const clock = new ManualClock('2026-03-02T01:00:00Z');
    const writePositions = new WritePositions();
    const definitions = new DefinitionRegistry(store, clock, writePositions);
    const uncachedCommands = withEnv({ BANJIE_FOLD_CACHE: '0' }, () => {
      let loaded: typeof import('./case-commands') | undefined;
      jest.isolateModules(() => (loaded = jest.requireActual<typeof import('./case-commands')>('./case-commands')));
      return loaded!.CaseCommands;
    });
    const uncached = new uncachedCommands(store, clock, definitions, new WorkingCalendars(), writePositions, new ApiMetrics());
    const reads = jest.spyOn(store, 'readStream');
    const workTwice = async (commands: CaseCommands, caseId: string) => {
      const task = (await commands.start(start(caseId))).view.tasks[0];
      await commands.execute({ caseId, command: { type: 'ClaimTask', taskId: task.id, userId: 'tg-clerk' } });
      await commands.execute({ caseId, command: { type: 'UnclaimTask', taskId: task.id, userId: 'tg-clerk' } });
    };

    // when
    await workTwice(cases, 'c-cached');
    await workTwice(uncached, 'c-uncached');

    // then the cached commands read past the revision they hold; the uncached ones from 0 each time
    const fromOf = (caseId: string) => reads.mock.calls.filter(([stream]) => stream === `case-${caseId}`).map(([, options]) => options?.from);
    expect(fromOf('c-cached').every((from) => typeof from === 'bigint' && from > 0n)).toBe(true);
    expect(fromOf('c-uncached')).toEqual([0n, 0n]);
    expect(foldCacheEnabled({})).toBe(true);
    expect(['0', 'false', ' OFF ', 'no'].map((value) => foldCacheEnabled({ BANJIE_FOLD_CACHE: value }))).toEqual([false, false, false, false]);
  });
});

/** `run()` with these environment variables set, restored after. */
function withEnv<T>(env: Record<string, string>, run: () => T): T {
  const before = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return run();
  } finally {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
