import { caseProjection, orNull, sql } from './projection';

/** The 好差评 ratings, one per case. */
export const evaluationsProjection = caseProjection({
  name: 'evaluations',
  tables: ['evaluations'],
  schema: `CREATE TABLE IF NOT EXISTS evaluations (
    case_id TEXT PRIMARY KEY, zone_id TEXT NOT NULL, rating INTEGER NOT NULL, comment TEXT, user_id TEXT, at TEXT)`,
  on: {
    EvaluationSubmitted: (rating, { db, caseId, zoneId }) =>
      void sql(db, 'INSERT OR REPLACE INTO evaluations (case_id, zone_id, rating, comment, user_id, at) VALUES (?, ?, ?, ?, ?, ?)').run(
        caseId, zoneId, rating.rating, orNull(rating.comment), rating.userId, rating.at,
      ),
  },
});
