import { ROLES, ZONES } from '@banjie/contracts';

/** A user id: 2–64 lowercase letters, digits, `.`, `_` or `-`, starting with a letter (`lf-clerk`, `wang.li`). */
export const USER_ID_PATTERN = /^[a-z][a-z0-9._-]{1,63}$/;
/** A group name as BPMN candidate groups use it (`window`, `approval`, `fire`). */
export const GROUP_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;
/** Every zone a user may belong to: a development zone, or the province. */
export const USER_ZONES = [...ZONES, 'province'] as const;
export { ROLES };
