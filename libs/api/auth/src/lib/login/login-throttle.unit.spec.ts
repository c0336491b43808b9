import { LoginThrottle } from './login-throttle';

const limits = { perUsername: { failures: 3, windowMs: 60_000 }, perAddress: { failures: 5, windowMs: 10_000 } };

describe('LoginThrottle', () => {
  let now: number;
  const throttle = () => new LoginThrottle(limits, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('refuses a username that used up its failures until its window ends, whatever the address', () => {
    // given
    const book = throttle();
    for (let i = 0; i < 3; i++) book.recordFailure('lf-clerk', `10.0.0.${i}`);

    // when
    now += 20_000;

    // then
    expect(book.retryAfterSeconds('LF-Clerk', '10.0.0.9')).toBe(40);
    now += 40_000;
    expect(book.retryAfterSeconds('lf-clerk', '10.0.0.9')).toBeUndefined();
  });

  it('refuses an address that used up its failures over many usernames', () => {
    // given
    const book = throttle();
    for (let i = 0; i < 5; i++) book.recordFailure(`user-${i}`, '10.0.0.1');

    // then
    expect(book.retryAfterSeconds('someone-else', '10.0.0.1')).toBe(10);
    expect(book.retryAfterSeconds('someone-else', '10.0.0.2')).toBeUndefined();
  });

  it('forgets a username’s failures after a successful sign-in, and takes back the attempt counted for the address', () => {
    // given
    const book = throttle();
    for (let i = 0; i < 2; i++) book.recordFailure('lf-clerk', '10.0.0.1');
    for (let i = 0; i < 2; i++) book.recordFailure('other', '10.0.0.1');

    // when the attempt is counted before the check, then succeeds
    book.recordFailure('lf-clerk', '10.0.0.1');
    book.recordSuccess('lf-clerk', '10.0.0.1');

    // then
    book.recordFailure('lf-clerk', '10.0.0.2');
    book.recordFailure('lf-clerk', '10.0.0.2');
    expect(book.retryAfterSeconds('lf-clerk', '10.0.0.2')).toBeUndefined();
    expect(book.retryAfterSeconds('anyone', '10.0.0.1')).toBeUndefined();
  });
});
