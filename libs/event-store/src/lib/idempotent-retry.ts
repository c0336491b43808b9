import { InvalidAppendError } from './errors';
import { expectationMatchesFirstRevision } from './expected-revision';
import type { AppendResult, ExpectedRevision } from './port';

/** Where an event id is already recorded. */
export interface RecordedLocation {
  stream: string;
  revision: bigint;
  position: string;
}

/**
 * Recognises the retry of a batch that was already written: the same event ids, in the same
 * order, at consecutive revisions of the same stream, appended under the same expectation. Returns
 * the first append's result (nothing is written again), or undefined when the batch is new.
 * Ids recorded elsewhere are refused: an event id names one event for good.
 */
export function findEarlierAppend(
  stream: string,
  ids: string[],
  expected: ExpectedRevision,
  locate: (id: string) => RecordedLocation | undefined,
): AppendResult | undefined {
  const first = locate(ids[0]);
  if (!first) return undefined;
  let last = first;
  for (let i = 1; i < ids.length; i++) {
    const location = locate(ids[i]);
    if (!location || location.stream !== first.stream || location.revision !== first.revision + BigInt(i)) {
      throw new InvalidAppendError(`Event id ${ids[0]} is already recorded, but not with the rest of this batch`);
    }
    last = location;
  }
  if (first.stream !== stream) throw new InvalidAppendError(`Event id ${ids[0]} is already recorded in another stream`);
  if (!expectationMatchesFirstRevision(expected, first.revision)) return undefined;
  return { nextExpectedRevision: last.revision, position: last.position };
}
