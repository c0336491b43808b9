import { ZONES, type Role, type ZoneId } from '@banjie/contracts';
import { zoneName } from '@banjie/web-ui';

export { zoneName };

/** The roles as an admin reads them. */
export const ROLE_LABELS: Record<Role, string> = {
  designer: '流程设计 Designer',
  clerk: '窗口受理 Clerk',
  agent: '代办员 Agent',
  leader: '分管领导 Leader',
  applicant: '企业申请人 Applicant',
  auditor: '审计 Auditor',
  admin: '管理员 Admin',
};

/** The zones an admin may manage: every zone and the province for the province admin, else its own. */
export function managedZones(adminZone: ZoneId | undefined): ZoneId[] {
  return !adminZone || adminZone === 'province' ? [...ZONES, 'province'] : [adminZone];
}

/** Groups typed as text: separated by commas, 、 or spaces. */
export function parseGroups(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).filter((group) => group.length > 0))];
}
