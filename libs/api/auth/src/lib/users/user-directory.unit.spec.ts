import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserDirectory } from './user-directory';

const clerk = { id: 'lf-new', name: '刘芳', roles: ['clerk' as const], zoneId: 'lf' as const, groups: ['window'], passwordHash: 'hash' };

describe('UserDirectory', () => {
  let users: UserDirectory;

  beforeEach(() => {
    users = new UserDirectory(undefined);
  });

  afterEach(() => users.close());

  it('adds a user once: a taken id is refused', () => {
    // when
    const first = users.add(clerk);
    const again = users.add({ ...clerk, name: '别人' });

    // then
    expect(first).toBe(true);
    expect(again).toBe(false);
    expect(users.find('lf-new')).toMatchObject({ name: '刘芳', active: true, tokenGeneration: 0 });
  });

  it('ends earlier tokens on a change of access or password, not of the name', () => {
    // given
    users.add(clerk);
    expect(users.standing('lf-new')).toEqual({ active: true, tokenGeneration: 0 });

    // when
    users.update('lf-new', { name: '刘芳芳' });
    const renamed = users.standing('lf-new');
    users.update('lf-new', { roles: ['clerk', 'agent'] });
    const regranted = users.standing('lf-new');
    users.setPasswordHash('lf-new', 'other-hash');
    const newPassword = users.standing('lf-new');
    users.update('lf-new', { active: false });

    // then
    expect(renamed).toEqual({ active: true, tokenGeneration: 0 });
    expect(regranted).toEqual({ active: true, tokenGeneration: 1 });
    expect(newPassword).toEqual({ active: true, tokenGeneration: 2 });
    expect(users.standing('lf-new')).toEqual({ active: false, tokenGeneration: 3 });
    expect(users.standing('nobody')).toBeUndefined();
  });

  it('leaves deactivated users out of a zone’s colleagues, not out of the admin list', () => {
    // given
    users.add(clerk);
    users.update('lf-new', { active: false });

    // then
    expect(users.listZone('lf')).toEqual([]);
    expect(users.listManaged('lf')).toEqual([{ id: 'lf-new', name: '刘芳', roles: ['clerk'], zoneId: 'lf', groups: ['window'], active: false }]);
    expect(users.update('nobody', { active: false })).toBeUndefined();
  });

  describe('two replicas on one data dir', () => {
    let dataDir: string;
    let one: UserDirectory;
    let two: UserDirectory;

    beforeEach(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'banjie-users-'));
      one = new UserDirectory(dataDir);
      two = new UserDirectory(dataDir);
    });

    afterEach(() => {
      one.close();
      two.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('ends on the other replica the tokens of a user deactivated on one, though it had the standing cached', () => {
      // given a user the other replica has checked (and cached)
      one.add(clerk);
      expect(two.standing('lf-new')).toEqual({ active: true, tokenGeneration: 0 });

      // when one replica deactivates it
      one.update('lf-new', { active: false });

      // then the other sees it deactivated with a new token generation
      expect(two.standing('lf-new')).toEqual({ active: false, tokenGeneration: 1 });
    });

    it('marks a live-stream ticket used once across both replicas', () => {
      // when both mark the same ticket
      const first = one.markTicketUsed('ticket-1', Date.now() + 60_000);
      const second = two.markTicketUsed('ticket-1', Date.now() + 60_000);

      // then only the first use counts
      expect([first, second]).toEqual([true, false]);
    });
  });
});
