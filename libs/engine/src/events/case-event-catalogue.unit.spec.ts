import { appliers } from '../appliers/applier-registry';
import {
  CASE_EVENT_TYPES,
  MalformedCaseEventError,
  caseIdOfStream,
  caseStreamName,
  decodeCaseEvent,
  handleCaseEvent,
  handledTypes,
  type CaseEventHandlers,
} from './case-event-catalogue';
import { event } from './engine-events';

describe('case event catalogue', () => {
  it('lists exactly the event types the appliers fold', () => {
    // given the applier registry, which the compiler checks complete
    // then the catalogue knows the same types, no more, no less
    expect([...CASE_EVENT_TYPES].sort()).toEqual(Object.keys(appliers).sort());
  });

  it('decodes a recorded case event into its typed payload', () => {
    // given a recorded TaskClaimed
    const recorded = { type: 'TaskClaimed', data: { taskId: 't1', userId: 'lf-clerk', at: '2026-12-04T09:00:00+08:00' } };
    // when it is decoded
    const decoded = decodeCaseEvent(recorded);
    // then its type narrows the payload
    expect(decoded?.type).toBe('TaskClaimed');
    if (decoded?.type === 'TaskClaimed') expect(decoded.data.userId).toBe('lf-clerk');
  });

  it('leaves events of other streams (definitions, calendars, users) undecoded', () => {
    expect(decodeCaseEvent({ type: 'DefinitionDeployed', data: { key: 'x' } })).toBeUndefined();
  });

  it('refuses a case event whose payload lacks a field its type carries, naming type and field', () => {
    expect(() => decodeCaseEvent({ type: 'TaskCreated', data: { elementId: 'e' } })).toThrow(MalformedCaseEventError);
    expect(() => decodeCaseEvent({ type: 'TaskCreated', data: { elementId: 'e' } })).toThrow('TaskCreated: "taskId" must be a string');
    expect(() => decodeCaseEvent({ type: 'CaseCompleted', data: null })).toThrow('CaseCompleted: the payload is not an object');
  });

  it('runs the handler registered for the event type, and nothing for the others', () => {
    // given a registry that handles task claims only
    const seen: string[] = [];
    const handlers: CaseEventHandlers<string> = { TaskClaimed: (data, who) => void seen.push(`${who}:${data.taskId}`) };
    // when two events pass through it
    handleCaseEvent(handlers, event('TaskClaimed', { taskId: 't1', userId: 'u', at: 'now' }), 'inbox');
    handleCaseEvent(handlers, event('TaskCancelled', { taskId: 't2', at: 'now' }), 'inbox');
    // then only the claim reached its handler
    expect(seen).toEqual(['inbox:t1']);
    expect(handledTypes(handlers)).toEqual(['TaskClaimed']);
  });

  it('names case streams and reads the case id back, ignoring other streams', () => {
    expect(caseStreamName('c-42')).toBe('case-c-42');
    expect(caseIdOfStream(caseStreamName('c-42'))).toBe('c-42');
    expect(caseIdOfStream('calendar-national')).toBeUndefined();
  });
});
