/** Injection token of the `EventStore` (port of `@banjie/event-store`) the api writes to. */
export const EVENT_STORE = Symbol('EventStore');
