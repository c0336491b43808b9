import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend, ReadStreamOptions } from '../lib/port';

/** One event of the given type with a fresh id. */
export function event(type: string, data: unknown = { at: Date.now() }): EventToAppend {
  return { id: randomUUID(), type, data };
}

/** `count` engine-like events with fresh ids. */
export function someEvents(count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => event('ElementActivated', { index, elementId: `Task_${index}` }));
}

/** The revisions from..to-1. */
export function range(from: number, to: number): bigint[] {
  return Array.from({ length: to - from }, (_, index) => BigInt(from + index));
}

/** The revisions `readStream` returns for a stream. */
export async function revisionsOf(store: EventStore, name: string, options?: ReadStreamOptions): Promise<bigint[]> {
  return (await collect(store.readStream(name, options))).map((one) => one.revision);
}

/** Reads a whole async iterable into an array. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

