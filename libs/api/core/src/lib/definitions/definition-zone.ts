import { ZONES } from '@banjie/contracts';
import { isProvinceWide, type Actor } from '../actor';
import { ApiError } from '../errors/api-error';
import type { DefinitionRegistry } from './definition-registry';

/**
 * The zone whose process key a request addresses. A zone user addresses the own zone (naming
 * another is `403`, whether or not it has the key). A province-wide user names it with `zoneId`,
 * or leaves it out when one zone alone deployed the key (`400` naming the zones when several did).
 * Undefined when no zone deployed the key (the caller answers `404`).
 */
export async function zoneOfDefinition(definitions: DefinitionRegistry, actor: Actor, key: string, zoneId?: string): Promise<string | undefined> {
  if (zoneId !== undefined && !(ZONES as readonly string[]).includes(zoneId)) {
    throw ApiError.badRequest(`zoneId "${zoneId}" is not a zone code: one of ${ZONES.join(', ')}`, [{ field: 'zoneId', message: `one of ${ZONES.join(', ')}` }]);
  }
  if (!isProvinceWide(actor)) {
    if (zoneId !== undefined && zoneId !== actor.zoneId) throw ApiError.forbidden(`zoneId "${zoneId}" is not your zone: you address the definitions of ${actor.zoneId} only`);
    return actor.zoneId;
  }
  if (zoneId !== undefined) return zoneId;
  const zones = await definitions.zonesWith(key);
  if (zones.length > 1) {
    throw ApiError.badRequest(`Process key ${key} is deployed in several zones (${zones.join(', ')}): name one with zoneId`, [{ field: 'zoneId', message: `one of ${zones.join(', ')}` }]);
  }
  return zones[0];
}
