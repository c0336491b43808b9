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
});
