import { createMemoryEventStore, type EventStore, type RecordedEvent } from '@banjie/event-store';
import { encodeEventData } from '../workers/compile-worker';
import { OFF_THREAD_EVENT_CHARS, encodeBigEventsOffThread, type EventDataEncoder } from './off-thread-appends';

/** The worker's task run in this thread, on a structured clone as piscina would send it. */
function workerEncoder(): EventDataEncoder & { encodeEventData: jest.Mock } {
  return { encodeEventData: jest.fn(async (data: unknown) => encodeEventData(structuredClone(data))) };
}

async function onlyEvent(store: EventStore, stream: string): Promise<RecordedEvent> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(stream)) events.push(event);
  expect(events).toHaveLength(1);
  return events[0];
}

/** A `DefinitionDeployed` payload of about 450 KiB, as the registry appends it. */
function bigDeployment() {
  const tasks = Array.from({ length: 8_000 }, (_, i) => `<bpmn:userTask id="Task_${i}" name="审查材料 review ${i}" />`).join('\n');
  return {
    key: 'permit',
    version: 2,
    name: '建设工程规划许可 permit',
    hash: 'f'.repeat(64),
    zoneId: 'lf',
    xml: `<bpmn:definitions>${tasks}</bpmn:definitions>`,
    forms: { 'window-check': { components: [{ key: 'complete', label: '材料齐全 Complete', type: 'checkbox' }] } },
    warnings: [{ elementId: 'Task_1', message: 'no legal limit' }],
    deployedAt: '2026-12-04T08:00:00.000Z',
    deployedBy: 'lf-designer',
    withdrawnBy: undefined,
    limits: [5, -0, 1.5e-7],
    '10': 'ten',
    '2': 'two',
    messageStartNames: [],
  };
}

describe('appending big events encoded off the event loop', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-04T08:00:00.000Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('encodes a big deployment in the worker task and records the same event and hash as the store alone', async () => {
    // given
    const encoder = workerEncoder();
    const direct = createMemoryEventStore();
    const viaWorker = encodeBigEventsOffThread(createMemoryEventStore(), encoder);
    const event = { id: '0193a000-0000-7000-8000-000000000001', type: 'DefinitionDeployed', data: bigDeployment(), metadata: { v: 1, zoneId: 'lf' } };
    expect(event.data.xml.length).toBeGreaterThan(OFF_THREAD_EVENT_CHARS);
    // when
    await direct.append('definition-lf:permit', [event], { expected: 'no_stream' });
    await viaWorker.append('definition-lf:permit', [event], { expected: 'no_stream' });
    // then
    expect(encoder.encodeEventData).toHaveBeenCalledTimes(1);
    const recorded = await onlyEvent(viaWorker, 'definition-lf:permit');
    const expected = await onlyEvent(direct, 'definition-lf:permit');
    expect({ ...recorded, position: undefined, data: undefined }).toEqual({ ...expected, position: undefined, data: undefined });
    expect(recorded.hash).toBe(expected.hash);
    expect(JSON.stringify(recorded.data)).toBe(JSON.stringify(expected.data));
    await expect(viaWorker.verify('definition-lf:permit')).resolves.toMatchObject({ valid: true, events: 1, headHash: expected.hash });
  });

  it('appends a task completion in the same tick, without the worker', async () => {
    // given
    const encoder = workerEncoder();
    const inner = createMemoryEventStore();
    const append = jest.spyOn(inner, 'append');
    const store = encodeBigEventsOffThread(inner, encoder);
    const completion = { type: 'TaskCompleted', data: { taskId: 'Task_1', variables: { approved: true, note: '同意 approved'.repeat(100) } } };
    // when
    const appending = store.append('case-LF-2026-001', [completion], { expected: 'no_stream' });
    // then
    expect(append).toHaveBeenCalledWith('case-LF-2026-001', [completion], { expected: 'no_stream' });
    await appending;
    expect(encoder.encodeEventData).not.toHaveBeenCalled();
  });

  it('leaves an event the worker cannot encode to the store, which refuses it as before', async () => {
    // given
    const encoder = { encodeEventData: jest.fn(async () => Promise.reject(new Error('DataCloneError'))) };
    const store = encodeBigEventsOffThread(createMemoryEventStore(), encoder);
    const data = { xml: 'x'.repeat(OFF_THREAD_EVENT_CHARS + 1), amount: Number.NaN };
    // when
    const appending = store.append('definition-lf:permit', [{ type: 'DefinitionDeployed', data }], { expected: 'no_stream' });
    // then
    await expect(appending).rejects.toThrow(/not JSON/);
    expect(encoder.encodeEventData).toHaveBeenCalledTimes(1);
  });
});
