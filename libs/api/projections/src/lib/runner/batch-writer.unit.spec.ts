import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { sql, type Projection } from '../read-models/projection';
import { openReadModelDatabase } from '../read-models/read-model-database';
import { writeBatch } from './batch-writer';

function recorded(position: number, type: string): RecordedEvent {
  return { id: `e${position}`, stream: 'case-c1', revision: BigInt(position - 1), position: String(position), type, data: {}, metadata: {}, recordedAt: '2026-02-09T01:00:00.000Z', prevHash: '', hash: `h${position}` };
}

/** A read model that gathers the batch's event types and writes them in `flush`, which fails while `broken`. */
function gathering(state: { broken: boolean }): Projection {
  const gathered: string[] = [];
  return {
    name: 'gathering',
    tables: ['gathered'],
    schema: 'CREATE TABLE IF NOT EXISTS gathered (type TEXT NOT NULL)',
    apply(_db: Database.Database, event: RecordedEvent): void {
      gathered.push(event.type);
    },
    flush(db: Database.Database): void {
      for (const type of gathered.splice(0)) sql(db, 'INSERT INTO gathered (type) VALUES (?)').run(type);
      if (state.broken) throw new Error('disk says no');
    },
  };
}

describe('a batch of events written to the read models', () => {
  it('stops a read model whose flush fails at the first event it was given, and writes the batch once the flush works', () => {
    // given
    const db = openReadModelDatabase(undefined);
    const state = { broken: true };
    const projection = gathering(state);
    db.exec(projection.schema);
    const checkpoints = new Map<string, string | undefined>([['gathering', '1']]);
    const events = [recorded(1, 'Held'), recorded(2, 'First'), recorded(3, 'Second')];

    // when
    const stops = writeBatch(db, events, [projection], checkpoints);
    state.broken = false;
    writeBatch(db, [recorded(2, 'First'), recorded(3, 'Second')], [projection], checkpoints);

    // then
    expect(stops.map((s) => [s.projection.name, s.event.type, (s.error as Error).message])).toEqual([['gathering', 'First', 'disk says no']]);
    expect((db.prepare('SELECT type FROM gathered').all() as { type: string }[]).map((r) => r.type)).toEqual(['First', 'Second']);
    expect(checkpoints.get('gathering')).toBe('3');
  });

  it('writes each event once for a read model that gathers, when another one fails in the same batch', () => {
    // given
    const db = openReadModelDatabase(undefined);
    const projection = gathering({ broken: false });
    const fragile: Projection = { name: 'fragile', tables: [], schema: '', apply: (_db, event) => { if (event.type === 'Second') throw new Error('no'); } };
    db.exec(projection.schema);
    const checkpoints = new Map<string, string | undefined>();

    // when
    const stops = writeBatch(db, [recorded(1, 'First'), recorded(2, 'Second')], [projection, fragile], checkpoints);

    // then
    expect(stops.map((s) => [s.projection.name, s.event.type])).toEqual([['fragile', 'Second']]);
    expect((db.prepare('SELECT type FROM gathered').all() as { type: string }[]).map((r) => r.type)).toEqual(['First', 'Second']);
    expect(Object.fromEntries(checkpoints)).toEqual({ gathering: '2', fragile: '1' });
  });
});
