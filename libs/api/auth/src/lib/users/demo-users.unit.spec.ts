import { ZONES } from '@banjie/contracts';
import { demoUsers } from './demo-users';

describe('demoUsers', () => {
  it('has every role of every zone, the province users and the named people', () => {
    // when
    const users = demoUsers();
    const ids = users.map((u) => u.id);

    // then
    for (const zone of ZONES) for (const role of ['designer', 'clerk', 'agent', 'leader', 'applicant']) expect(ids).toContain(`${zone}-${role}`);
    expect(users.find((u) => u.id === 'auditor')).toMatchObject({ roles: ['auditor'], zoneId: 'province' });
    expect(users.find((u) => u.id === 'lf-housing')).toMatchObject({ name: '张强', groups: expect.arrayContaining(['housing']) });
    expect(users.find((u) => u.id === 'lf-fire')).toMatchObject({ name: '孙磊', zoneId: 'lf', groups: ['fire', 'approval'] });
    expect(users.find((u) => u.id === 'lf-leader')).toMatchObject({ name: '赵军', groups: ['leaders'] });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts clerks in the window and approval groups', () => {
    // when
    const clerks = demoUsers().filter((u) => u.roles.includes('clerk') && /^[a-z]{2}-clerk$/.test(u.id));

    // then
    expect(clerks).toHaveLength(ZONES.length);
    for (const clerk of clerks) expect(clerk.groups).toEqual(['window', 'approval']);
  });
});
