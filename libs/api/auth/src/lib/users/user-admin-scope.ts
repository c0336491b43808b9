import { ApiError, isProvinceWide, type Actor } from '@banjie/api-core';
import type { ZoneId } from '@banjie/contracts';

/**
 * Refuses (403) what a zone's admin may not do: manage a user outside its own zone, or put a
 * user into another zone or the province (and so grant `admin` beyond its zone). The province
 * admin manages every user.
 */
export function assertManagesZone(actor: Actor, zoneId: ZoneId, what: string): void {
  if (isProvinceWide(actor)) return;
  if (zoneId !== actor.zoneId) {
    throw ApiError.forbidden(`${what}: the admin of zone ${actor.zoneId} manages users of zone ${actor.zoneId} only, not ${zoneId}`);
  }
}
