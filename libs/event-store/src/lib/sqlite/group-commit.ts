/** What became of one request in a committed group. */
export type Outcome<Result> = { ok: true; result: Result } | { ok: false; error: unknown };

interface Waiting<Request, Result> {
  request: Request;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Group commit: requests submitted while a group is pending (within the same turn of the event
 * loop) are handed together to one synchronous `commitGroup` call, which writes them in one
 * transaction and one fsync; each caller's promise then settles with its own outcome.
 */
export class GroupCommit<Request, Result> {
  private waiting: Waiting<Request, Result>[] = [];
  private scheduled = false;

  constructor(
    private readonly commitGroup: (requests: Request[]) => Outcome<Result>[],
    /** Told what became of the whole group before any caller's promise settles. */
    private readonly afterCommit: (outcomes: Outcome<Result>[]) => void,
  ) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits whatever is waiting now (also used on close, so no submitted request is dropped). */
  flush(): void {
    this.scheduled = false;
    const group = this.waiting;
    this.waiting = [];
    if (group.length === 0) return;
    let outcomes: Outcome<Result>[];
    try {
      outcomes = this.commitGroup(group.map((waiting) => waiting.request));
    } catch (error) {
      // The committer could not even report per request: nobody's promise may hang.
      outcomes = group.map(() => ({ ok: false, error }));
    }
    this.afterCommit(outcomes);
    group.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) waiting.resolve(outcome.result);
      else waiting.reject(outcome.error);
    });
  }
}
