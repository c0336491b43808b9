import type { AppendOptions, AppendResult, EventStore, EventToAppend } from '@banjie/event-store';

/**
 * Event data with more text than this (characters, counted in its strings) is encoded in the
 * compile pool's worker before the append: a deployment of megabytes, not a task completion.
 */
export const OFF_THREAD_EVENT_CHARS = 256 * 1024;

/** Encodes event data as the store keeps it, its canonical JSON text, off the event loop (the compile pool's `encodeEventData`). */
export interface EventDataEncoder {
  encodeEventData(data: unknown): Promise<string>;
}

/**
 * The store, with big events encoded by `encoder` before they are appended: their canonical JSON
 * no longer runs on the event loop, and the store stores and hashes that text as it would its own
 * (`EventToAppend.encoded`); the parsed form readers see is {@link canonicalCopy}, which shares the
 * data's strings instead of parsing megabytes back. Appends of small events go to the store untouched, in
 * the same tick. Event data must be plain JSON values (objects, arrays, strings, numbers, booleans,
 * null), as every event of the api is: the worker receives a structured clone. When the
 * worker cannot encode an event, the store encodes it and refuses it as it always did.
 */
export function encodeBigEventsOffThread(store: EventStore, encoder: EventDataEncoder): EventStore {
  const append = (stream: string, events: EventToAppend[], options: AppendOptions): Promise<AppendResult> => {
    if (!Array.isArray(events) || !events.some(isBig)) return store.append(stream, events, options);
    return Promise.all(events.map((event) => (isBig(event) ? encodeOffThread(event, encoder) : event))).then((encoded) => store.append(stream, encoded, options));
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'append') return append;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function isBig(event: EventToAppend): boolean {
  return event?.encoded === undefined && textLength(event?.data, 0) > OFF_THREAD_EVENT_CHARS;
}

async function encodeOffThread(event: EventToAppend, encoder: EventDataEncoder): Promise<EventToAppend> {
  try {
    const dataJson = await encoder.encodeEventData(event.data);
    return { ...event, encoded: { dataJson, data: canonicalCopy(event.data) } };
  } catch {
    return event;
  }
}

/** The characters of the strings in a value's first three levels, counted until the limit is passed. */
function textLength(value: unknown, depth: number): number {
  if (typeof value === 'string') return value.length;
  if (depth > 2 || value === null || typeof value !== 'object') return 0;
  let length = 0;
  for (const item of Object.values(value)) {
    length += textLength(item, depth + 1);
    if (length > OFF_THREAD_EVENT_CHARS) break;
  }
  return length;
}

/**
 * The value as `JSON.parse` reads back its canonical JSON text (the `canonicalize` package's
 * rules: `toJSON` first, object keys sorted, `undefined` and symbol members left out, `undefined`
 * in arrays as null, -0 as 0), built without that text: strings are shared, not copied.
 */
export function canonicalCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return Object.is(value, -0) ? 0 : value;
  const json = (value as { toJSON?: unknown }).toJSON;
  if (json instanceof Function) return canonicalCopy(json.call(value));
  if (Array.isArray(value)) return value.map((item) => (item === undefined || typeof item === 'symbol' ? null : canonicalCopy(item)));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    // defined, not assigned: a member named __proto__ stays a member, as JSON.parse makes it
    if (item !== undefined && typeof item !== 'symbol') Object.defineProperty(copy, key, { value: canonicalCopy(item), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
