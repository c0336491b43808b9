import { ZONES, type Role, type ZoneId } from '@banjie/contracts';

const ZONE_NAMES: Record<ZoneId, string> = {
  lf: '临汾 Linfen',
  cz: '长子 Changzi',
  yp: '原平 Yuanping',
  az: '安泽 Anze',
  xy: '襄垣 Xiangyuan',
  tg: '太谷 Taigu',
  sd: '上党 Shangdang',
  province: '全省 Province',
};

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

/** A zone as the pages name it: `lf 临汾 Linfen`, `全省 Province`. */
export function zoneName(zoneId: ZoneId): string {
  return zoneId === 'province' ? ZONE_NAMES.province : `${zoneId} ${ZONE_NAMES[zoneId]}`;
}

/** The zones an admin may manage: every zone and the province for the province admin, else its own. */
export function managedZones(adminZone: ZoneId | undefined): ZoneId[] {
  return !adminZone || adminZone === 'province' ? [...ZONES, 'province'] : [adminZone];
}

/** Groups typed as text: separated by commas, 、 or spaces. */
export function parseGroups(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).filter((group) => group.length > 0))];
}
