import type { RecordedEvent } from '@banjie/event-store';
import type Database from 'better-sqlite3';
import { caseIdOf, dataOf, sql, text, zoneOf, type Projection } from './projection';

/** The 好差评 ratings, one per case. */
export const evaluationsProjection: Projection = {
  name: 'evaluations',
  tables: ['evaluations'],
  schema: `CREATE TABLE IF NOT EXISTS evaluations (
    case_id TEXT PRIMARY KEY, zone_id TEXT NOT NULL, rating INTEGER NOT NULL, comment TEXT, user_id TEXT, at TEXT)`,
  apply(db: Database.Database, event: RecordedEvent): void {
    const caseId = caseIdOf(event);
    if (!caseId || event.type !== 'EvaluationSubmitted') return;
    const d = dataOf(event);
    sql(db, 'INSERT OR REPLACE INTO evaluations (case_id, zone_id, rating, comment, user_id, at) VALUES (?, ?, ?, ?, ?, ?)').run(
      caseId, zoneOf(event), Number(d['rating']), text(d, 'comment'), text(d, 'userId'), text(d, 'at'),
    );
  },
};
