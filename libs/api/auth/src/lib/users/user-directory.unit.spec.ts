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
});
