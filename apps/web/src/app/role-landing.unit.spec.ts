import type { Role, UserView } from '@banjie/contracts';
import { PAGE_ROLES, landingPage, mayOpen, type AppPage } from './role-landing';

function user(...roles: Role[]): UserView {
  return { id: 'u', name: '用户', roles, zoneId: 'lf', groups: [] };
}

function menuOf(someone: UserView | null): AppPage[] {
  return (Object.keys(PAGE_ROLES) as AppPage[]).filter((page) => mayOpen(someone, page));
}

describe('landingPage', () => {
  it('lands an applicant on 我的申请 My applications', () => {
    expect(landingPage(user('applicant'))).toBe('my-applications');
  });

  it('lands a clerk on the inbox', () => {
    expect(landingPage(user('clerk'))).toBe('inbox');
  });

  it('lands an agent on the inbox', () => {
    expect(landingPage(user('agent'))).toBe('inbox');
  });

  it('lands a leader on the inbox, as there is no dashboard yet', () => {
    expect(landingPage(user('leader'))).toBe('inbox');
  });

  it('lands a designer on the designer', () => {
    expect(landingPage(user('designer'))).toBe('designer');
  });

  it('lands an auditor on the case search', () => {
    expect(landingPage(user('auditor'))).toBe('cases');
  });

  it('lands an admin on 运维 Operations', () => {
    expect(landingPage(user('admin'))).toBe('operations');
  });

  it.each<[Role[], AppPage]>([
    [['applicant', 'clerk'], 'inbox'],
    [['admin', 'leader'], 'inbox'],
    [['admin', 'designer'], 'designer'],
    [['auditor', 'admin'], 'operations'],
    [['applicant', 'auditor'], 'cases'],
  ])('lands a user with the roles %j on the first page that applies: %s', (roles, page) => {
    expect(landingPage(user(...roles))).toBe(page);
  });

  it('lands a user without roles on the case search, which every role may read', () => {
    expect(landingPage(null)).toBe('cases');
    expect(landingPage(user())).toBe('cases');
  });

  it('lets every role open its own landing page', () => {
    for (const role of ['applicant', 'clerk', 'agent', 'leader', 'designer', 'auditor', 'admin'] as Role[]) {
      expect(mayOpen(user(role), landingPage(user(role)))).toBe(true);
    }
  });
});

describe('mayOpen', () => {
  it.each<[Role, AppPage[]]>([
    ['applicant', ['my-applications']],
    ['clerk', ['inbox', 'cases']],
    ['agent', ['inbox', 'cases']],
    ['leader', ['inbox', 'cases', 'dashboard', 'operations']],
    ['designer', ['cases', 'designer']],
    ['auditor', ['cases', 'dashboard']],
    ['admin', ['inbox', 'cases', 'dashboard', 'operations', 'designer', 'admin/calendar', 'admin/users']],
  ])('offers a %s only the pages whose calls answer for that role', (role, pages) => {
    expect(menuOf(user(role))).toEqual(pages);
  });

  it('keeps the inbox (GET /api/tasks) from a designer, for whom it answers 403', () => {
    expect(mayOpen(user('designer'), 'inbox')).toBe(false);
  });

  it('opens nothing to a visitor who is not signed in', () => {
    expect(menuOf(null)).toEqual([]);
  });
});
