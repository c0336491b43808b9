/** How many failed sign-ins a key may have within a window before it is refused until the window ends. */
export interface FailureLimit {
  failures: number;
  windowMs: number;
}

/** The limits of `POST /api/auth/login` (docs/api.md "Security"). */
export const LOGIN_LIMITS = {
  perUsername: { failures: 10, windowMs: 15 * 60_000 },
  perAddress: { failures: 30, windowMs: 60_000 },
} satisfies Record<string, FailureLimit>;

/** Keys followed at most (unknown usernames count too): the oldest window goes first. */
const MAX_KEYS = 100_000;

interface Window {
  failures: number;
  endsMs: number;
}

/**
 * Counts failed sign-ins per username and per client address in fixed windows. A key that used
 * up its failures is refused, right password or not, until its window ends: a guesser learns
 * nothing more from it. Only failures count, so colleagues behind one address signing in all day
 * are never refused.
 */
export class LoginThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limits: { perUsername: FailureLimit; perAddress: FailureLimit } = LOGIN_LIMITS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Seconds until a sign-in of `username` from `address` may be tried again; undefined when it may now. */
  retryAfterSeconds(username: string, address: string): number | undefined {
    const waits = [this.wait(userKey(username), this.limits.perUsername), this.wait(addressKey(address), this.limits.perAddress)].filter((w) => w !== undefined);
    return waits.length > 0 ? Math.max(...waits) : undefined;
  }

  /** Counts a failed (or not yet checked) sign-in against both keys. */
  recordFailure(username: string, address: string): void {
    this.count(userKey(username), this.limits.perUsername);
    this.count(addressKey(address), this.limits.perAddress);
  }

  /**
   * A successful sign-in forgets the username's failures and takes back the one attempt counted
   * for the address (attempts are counted as failures before the password is checked).
   */
  recordSuccess(username: string, address: string): void {
    this.windows.delete(userKey(username));
    const window = this.current(addressKey(address));
    if (window) window.failures = Math.max(0, window.failures - 1);
  }

  private wait(key: string, limit: FailureLimit): number | undefined {
    const window = this.current(key);
    if (!window || window.failures < limit.failures) return undefined;
    return Math.max(1, Math.ceil((window.endsMs - this.now()) / 1000));
  }

  private count(key: string, limit: FailureLimit): void {
    const window = this.current(key);
    if (window) {
      window.failures += 1;
      return;
    }
    this.windows.set(key, { failures: 1, endsMs: this.now() + limit.windowMs });
    if (this.windows.size > MAX_KEYS) this.windows.delete(this.windows.keys().next().value as string);
  }

  private current(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.endsMs <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }
}

function userKey(username: string): string {
  return `user:${username.trim().toLowerCase()}`;
}

function addressKey(address: string): string {
  return `address:${address}`;
}
