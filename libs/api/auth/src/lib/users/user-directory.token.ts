/** Injection token of the `UserDirectory`. */
export const USER_DIRECTORY = Symbol('UserDirectory');
