import { ErrorType, StreamNotFoundError as ClientStreamNotFoundError, UnavailableError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { StoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from '../errors';
import { prepareAppend } from '../prepared-append';
import { fromResolvedEvent, toEventData } from './kurrentdb-envelope';
import { toPortError } from './kurrentdb-failure';
import { formatPosition, isAfter, parsePosition } from './kurrentdb-position';

describe('kurrentdb mapping', () => {
  describe('positions', () => {
    it('round-trips commit:prepare and orders by commit, then prepare', () => {
      // given
      const position = { commit: 12_345_678_901_234n, prepare: 12_345_678_901_200n };
      // when
      const text = formatPosition(position);
      // then
      expect(text).toBe('12345678901234:12345678901200');
      expect(parsePosition(text)).toEqual(position);
      expect(isAfter({ commit: 5n, prepare: 1n }, { commit: 4n, prepare: 9n })).toBe(true);
      expect(isAfter({ commit: 5n, prepare: 1n }, { commit: 5n, prepare: 1n })).toBe(false);
      expect(() => parsePosition('17')).toThrow(RangeError);
    });
  });

  describe('events', () => {
    it.each([
      ['an object', { applicant: '李四', amount: 3 }],
      ['a string', 'approved'],
      ['null', null],
    ])('gives back %s as data with the metadata and chain fields it was appended with', (_name, data) => {
      // given
      const [prepared] = prepareAppend('case-1', [{ type: 'VariablesSet', data, metadata: { userId: 'u-1' } }], 1024);
      const chain = { recordedAt: '2026-11-28T05:00:00.000Z', prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) };
      const sent = toEventData(prepared, chain);
      // when
      const recorded = fromResolvedEvent({
        event: {
          streamId: 'case-1',
          id: sent.id,
          isJson: true,
          revision: 7n,
          type: sent.type,
          created: new Date(),
          data: sent.data,
          metadata: sent.metadata,
          position: { commit: 10n, prepare: 9n },
        },
      });
      // then
      expect(recorded).toEqual({
        id: prepared.id,
        stream: 'case-1',
        revision: 7n,
        position: '10:9',
        type: 'VariablesSet',
        data,
        metadata: { userId: 'u-1' },
        ...chain,
      });
    });

    it('hides system events', () => {
      // given
      const created = new Date();
      const systemEvent = { streamId: '$stats-127.0.0.1:2113', id: 'x', isJson: true as const, revision: 0n, type: '$statsCollected', created, data: {}, metadata: undefined };
      // when
      const recorded = fromResolvedEvent({ event: { ...systemEvent, position: { commit: 1n, prepare: 1n } } });
      // then
      expect(recorded).toBeUndefined();
    });
  });

  describe('errors', () => {
    it('maps a wrong expected version to WrongExpectedRevisionError with the actual revision', () => {
      // given
      const error = new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 1n, current: 4n });
      // when
      const mapped = toPortError(error, 'case-1', '1');
      // then
      expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
      expect(mapped).toMatchObject({ stream: 'case-1', expected: '1', actual: 4n });
    });

    it('maps a missing stream in a wrong expected version to actual no_stream', () => {
      // given
      const error = new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 'stream_exists', current: 'no_stream' });
      // when
      const mapped = toPortError(error, 'case-1', 'stream_exists');
      // then
      expect(mapped).toMatchObject({ name: 'WrongExpectedRevisionError', actual: 'no_stream' });
    });

    it('maps stream-not-found and unavailability to the port errors', () => {
      // when
      const notFound = toPortError(new ClientStreamNotFoundError(undefined, 'case-9'), 'case-9');
      const unavailable = toPortError(new UnavailableError(), 'case-9');
      // then
      expect(notFound).toBeInstanceOf(StreamNotFoundError);
      expect(unavailable).toBeInstanceOf(StoreUnavailableError);
      expect(new UnavailableError().type).toBe(ErrorType.UNAVAILABLE);
    });
  });
});
