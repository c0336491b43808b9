import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { caseIdOfStream } from '@banjie/engine';
import { sql, type Projection } from './projection';

/**
 * The newest hash of each case's chain, kept apart from the store so `/verify` can tell a
 * rewritten stream from a genuine one. A rebuild keeps it (`tables` is empty) and never moves
 * an anchor backwards.
 */
export function caseAnchorsProjection(): Projection {
  // The newest event of each case seen in the batch: one write per case, not one per event.
  const heads = new Map<string, { revision: number; hash: string }>();
  return {
    name: 'case-anchors',
    tables: [],
    schema: `CREATE TABLE IF NOT EXISTS case_anchors (case_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, hash TEXT NOT NULL)`,
    apply(_db: Database.Database, event: RecordedEvent): void {
      const caseId = caseIdOfStream(event.stream);
      if (caseId) heads.set(caseId, { revision: Number(event.revision), hash: event.hash });
    },
    flush(db: Database.Database): void {
      const upsert = sql(
        db,
        `INSERT INTO case_anchors (case_id, revision, hash) VALUES (?, ?, ?)
         ON CONFLICT (case_id) DO UPDATE SET revision = excluded.revision, hash = excluded.hash WHERE excluded.revision > case_anchors.revision`,
      );
      for (const [caseId, head] of heads) upsert.run(caseId, head.revision, head.hash);
      heads.clear();
    },
  };
}
