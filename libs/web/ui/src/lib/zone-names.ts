import type { ZoneId } from '@banjie/contracts';

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

/** A zone as the pages name it: `lf 临汾 Linfen`, `全省 Province`. */
export function zoneName(zoneId: ZoneId): string {
  return zoneId === 'province' ? ZONE_NAMES.province : `${zoneId} ${ZONE_NAMES[zoneId]}`;
}
