import { GroupCommit, type Outcome } from './group-commit';

describe('group commit', () => {
  it('hands requests submitted in the same turn to one commit and settles each with its own outcome', async () => {
    // given
    const groups: number[][] = [];
    const commits = new GroupCommit<number, string>(
      (requests) => {
        groups.push(requests);
        return requests.map((request): Outcome<string> => (request % 2 === 0 ? { ok: true, result: `even ${request}` } : { ok: false, error: new Error(`odd ${request}`) }));
      },
      () => undefined,
    );
    // when
    const settled = await Promise.allSettled([1, 2, 3, 4].map((request) => commits.submit(request)));
    // then
    expect(groups).toEqual([[1, 2, 3, 4]]);
    expect(settled.map((one) => (one.status === 'fulfilled' ? one.value : (one.reason as Error).message))).toEqual(['odd 1', 'even 2', 'odd 3', 'even 4']);
  });

  it('starts a new group for requests submitted after a commit', async () => {
    // given
    const groups: number[][] = [];
    let notified = 0;
    const commits = new GroupCommit<number, number>(
      (requests) => {
        groups.push(requests);
        return requests.map((request) => ({ ok: true, result: request }));
      },
      () => notified++,
    );
    // when
    await Promise.all([commits.submit(1), commits.submit(2)]);
    await commits.submit(3);
    // then
    expect(groups).toEqual([[1, 2], [3]]);
    expect(notified).toBe(2);
  });
});

describe('group commit when the committer itself fails', () => {
  it('rejects every waiting caller with that failure', async () => {
    // given
    const commits = new GroupCommit<number, number>(
      () => {
        throw new Error('disk gone');
      },
      () => undefined,
    );
    // when
    const settled = await Promise.allSettled([commits.submit(1), commits.submit(2)]);
    // then
    expect(settled.map((one) => one.status === 'rejected' && (one.reason as Error).message)).toEqual(['disk gone', 'disk gone']);
  });
});
