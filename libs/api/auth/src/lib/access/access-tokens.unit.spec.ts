import type { ApiConfig } from '@banjie/api-core';
import { AccessTokens } from './access-tokens';

const config = { jwtSecret: 'a-test-secret-that-is-long-enough-for-hs256', tokenTtlSeconds: 60 } as ApiConfig;
const actor = { id: 'lf-clerk', name: '王丽', roles: ['clerk' as const], zoneId: 'lf' as const, groups: ['window'] };

describe('AccessTokens', () => {
  it('gives back the actor of a token it issued', () => {
    // given
    const tokens = new AccessTokens(config);

    // when
    const verified = tokens.verify(tokens.issue(actor));

    // then
    expect(verified).toEqual(actor);
  });

  it('refuses a token signed with another secret, or expired', () => {
    // given
    const other = new AccessTokens({ ...config, jwtSecret: 'another-secret-that-is-long-enough-for-hs256' });
    const expired = new AccessTokens({ ...config, tokenTtlSeconds: -1 });

    // then
    expect(new AccessTokens(config).verify(other.issue(actor))).toBeUndefined();
    expect(new AccessTokens(config).verify(expired.issue(actor))).toBeUndefined();
  });

  it('refuses a token it already verified once the token has expired', () => {
    // given
    const tokens = new AccessTokens({ ...config, tokenTtlSeconds: 1 });
    const token = tokens.issue(actor);
    expect(tokens.verify(token)).toEqual(actor);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 2_000);

    // when
    const verified = tokens.verify(token);

    // then
    expect(verified).toBeUndefined();
    clock.mockRestore();
  });
});
