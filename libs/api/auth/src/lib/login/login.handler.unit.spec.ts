import type { ApiConfig } from '@banjie/api-core';
import bcrypt from 'bcryptjs';
import { AccessTokens } from '../access/access-tokens';
import type { StoredUser, UserDirectory } from '../users/user-directory';
import { LoginCommand } from './login.command';
import { LoginHandler, UNKNOWN_USER_HASH } from './login.handler';
import { LoginThrottle } from './login-throttle';

const config = { jwtSecret: 'a-test-secret-that-is-long-enough-for-hs256', tokenTtlSeconds: 60 } as ApiConfig;

function handlerWith(users: Record<string, StoredUser>, throttle = new LoginThrottle()): LoginHandler {
  const directory = { find: (id: string) => users[id] } as unknown as UserDirectory;
  return new LoginHandler(directory, new AccessTokens(config), throttle);
}

describe('LoginHandler', () => {
  const hash = bcrypt.hashSync('right', 4);
  const clerk: StoredUser = { id: 'lf-clerk', name: '王丽', roles: ['clerk'], zoneId: 'lf', groups: [], passwordHash: hash };

  afterEach(() => jest.restoreAllMocks());

  it('compares the password of an unknown user against a hash of the same cost, so it answers as slowly as a wrong password', async () => {
    // given
    const compare = jest.spyOn(bcrypt, 'compare');
    const handler = handlerWith({ 'lf-clerk': clerk });

    // when
    const unknown = handler.execute(new LoginCommand('nobody', 'right', '10.0.0.1'));

    // then
    await expect(unknown).rejects.toMatchObject({ code: 'unauthenticated', message: 'Wrong username or password' });
    expect(compare).toHaveBeenCalledWith('right', UNKNOWN_USER_HASH);
    expect(bcrypt.getRounds(UNKNOWN_USER_HASH)).toBe(10);
  });

  it('refuses a right password while the throttle refuses, without comparing it', async () => {
    // given
    const throttle = new LoginThrottle({ perUsername: { failures: 1, windowMs: 60_000 }, perAddress: { failures: 100, windowMs: 60_000 } });
    const handler = handlerWith({ 'lf-clerk': clerk }, throttle);
    await expect(handler.execute(new LoginCommand('lf-clerk', 'wrong', '10.0.0.1'))).rejects.toMatchObject({ code: 'unauthenticated' });
    const compare = jest.spyOn(bcrypt, 'compare');

    // when
    const refused = handler.execute(new LoginCommand('lf-clerk', 'right', '10.0.0.1'));

    // then
    await expect(refused).rejects.toMatchObject({ code: 'rate_limited', status: 429, retryAfterSeconds: 60 });
    expect(compare).not.toHaveBeenCalled();
  });

  it('signs a user in with the right password', async () => {
    // when
    const answer = await handlerWith({ 'lf-clerk': clerk }).execute(new LoginCommand('lf-clerk', 'right', '10.0.0.1'));

    // then
    expect(answer.user).toEqual({ id: 'lf-clerk', name: '王丽', roles: ['clerk'], zoneId: 'lf', groups: [] });
  });
});
