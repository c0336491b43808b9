import { CommitSignal } from './commit-signal';
import type { RecordedEvent } from './port';

/** The events of a commit at the given positions. */
function commit(...positions: number[]): RecordedEvent[] {
  return positions.map((position) => ({
    id: `event-${position}`,
    stream: 'case-1',
    revision: BigInt(position),
    position: String(position),
    type: 'TaskCreated',
    data: { position },
    metadata: {},
    recordedAt: '2026-01-01T00:00:00.000Z',
    prevHash: '',
    hash: '',
  }));
}

const positionsOf = (events: RecordedEvent[] | undefined) => events?.map((event) => Number(event.position));

describe('commit signal', () => {
  it('hands the newest commit to a subscription standing right before it or within it, the same objects to each', () => {
    // given
    const commits = new CommitSignal();
    const committed = commit(4, 5, 6);
    // when
    commits.notify(committed);
    // then
    expect(positionsOf(commits.eventsAfter('3'))).toEqual([4, 5, 6]);
    expect(positionsOf(commits.eventsAfter('4'))).toEqual([5, 6]);
    expect(commits.eventsAfter('3')?.[0]).toBe(committed[0]);
  });

  it('hands nothing to a subscription at or past the newest commit, or behind it, or not yet positioned', () => {
    // given
    const commits = new CommitSignal();
    // when
    commits.notify(commit(4, 5));
    // then
    expect(commits.eventsAfter('5')).toBeUndefined();
    expect(commits.eventsAfter('2')).toBeUndefined();
    expect(commits.eventsAfter(undefined)).toBeUndefined();
  });

  it('keeps only the newest commit, so a subscription that lags reads the store', () => {
    // given
    const commits = new CommitSignal();
    commits.notify(commit(1, 2));
    // when
    commits.notify(commit(3, 4));
    // then
    expect(commits.eventsAfter('1')).toBeUndefined();
    expect(positionsOf(commits.eventsAfter('2'))).toEqual([3, 4]);
  });

  it('does not hand over a commit with gaps between its positions', () => {
    // given
    const commits = new CommitSignal();
    // when
    commits.notify(commit(5, 8, 9, 10));
    // then
    expect(commits.eventsAfter('4')).toBeUndefined();
    expect(commits.eventsAfter('8')).toBeUndefined();
  });

  it('forgets the newest commit on one it was not told the events of, but not on one that recorded nothing', () => {
    // given
    const commits = new CommitSignal();
    commits.notify(commit(1, 2));
    // when
    commits.notify([]);
    const afterEmpty = commits.eventsAfter('1');
    commits.notify();
    // then
    expect(positionsOf(afterEmpty)).toEqual([2]);
    expect(commits.eventsAfter('1')).toBeUndefined();
  });
});
