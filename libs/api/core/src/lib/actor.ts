import type { UserView } from '@banjie/contracts';

/** The signed-in user on whose behalf a request runs (from the access token). */
export type Actor = UserView;

/** True when the actor works province-wide (auditors, admin) and so sees every zone. */
export function isProvinceWide(actor: Actor): boolean {
  return actor.zoneId === 'province';
}

/** True when the actor may see things of `zoneId`. */
export function canSeeZone(actor: Actor, zoneId: string): boolean {
  return isProvinceWide(actor) || actor.zoneId === zoneId;
}
