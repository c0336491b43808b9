import { ZONES, type Role, type UserView } from '@banjie/contracts';

/** The password of every demo user (printed at start; change it on any real deployment). */
export const DEMO_PASSWORD = 'banjie';

const ZONE_NAMES: Record<(typeof ZONES)[number], string> = { lf: '临汾', cz: '长子', yp: '原平', az: '安泽', xy: '襄垣', tg: '太谷', sd: '上党' };

const ZONE_ROLES: { role: Role; label: string; groups: string[] }[] = [
  { role: 'designer', label: '流程设计', groups: [] },
  { role: 'clerk', label: '窗口受理', groups: ['window', 'approval'] },
  { role: 'agent', label: '代办员', groups: ['agency'] },
  { role: 'leader', label: '分管领导', groups: ['leaders'] },
  { role: 'applicant', label: '企业', groups: [] },
  // A zone's admin keeps its own calendar (local holidays, weekend service days).
  { role: 'admin', label: '管理员', groups: [] },
];

/** The named people of DOMAIN.md, overriding the generic name of a zone user or added as department users. */
const NAMED: UserView[] = [
  { id: 'lf-clerk', name: '王丽', roles: ['clerk'], zoneId: 'lf', groups: ['window', 'approval'] },
  { id: 'lf-housing', name: '张强', roles: ['clerk'], zoneId: 'lf', groups: ['housing', 'approval'] },
  { id: 'lf-planning', name: '李娜', roles: ['clerk'], zoneId: 'lf', groups: ['planning', 'approval'] },
  { id: 'lf-fire', name: '孙磊', roles: ['clerk'], zoneId: 'lf', groups: ['fire', 'approval'] },
  { id: 'lf-leader', name: '赵军', roles: ['leader'], zoneId: 'lf', groups: ['leaders'] },
  { id: 'yp-agent', name: '刘洋', roles: ['agent'], zoneId: 'yp', groups: ['agency'] },
  { id: 'xy-leader', name: '陈刚', roles: ['leader'], zoneId: 'xy', groups: ['leaders'] },
  { id: 'xy-taskforce', name: '周敏', roles: ['clerk'], zoneId: 'xy', groups: ['taskforce', 'approval'] },
];

/**
 * The demo users of API.md: `<zone>-<role>` for every zone and zone role, the named people of
 * DOMAIN.md, the province-wide `auditor` (孙浩) and `admin`.
 */
export function demoUsers(): UserView[] {
  const byId = new Map<string, UserView>();
  for (const zone of ZONES) {
    for (const { role, label, groups } of ZONE_ROLES) {
      const id = `${zone}-${role}`;
      byId.set(id, { id, name: `${ZONE_NAMES[zone]}${label}`, roles: [role], zoneId: zone, groups });
    }
  }
  for (const person of NAMED) byId.set(person.id, person);
  byId.set('auditor', { id: 'auditor', name: '孙浩', roles: ['auditor'], zoneId: 'province', groups: [] });
  byId.set('admin', { id: 'admin', name: '管理员', roles: ['admin'], zoneId: 'province', groups: [] });
  return [...byId.values()];
}
