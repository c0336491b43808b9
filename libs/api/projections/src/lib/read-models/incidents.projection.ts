import type { RecordedEvent } from '@banjie/event-store';
import { caseProjection, dropRowsWhenCaseEnds, sql } from './projection';

/** Open incidents across cases, so an incident id leads to its case and a zone's operators see what is stuck. */
export const incidentsProjection = caseProjection({
  name: 'incidents',
  tables: ['incidents'],
  schema: `CREATE TABLE IF NOT EXISTS incidents (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, zone_id TEXT NOT NULL, element_id TEXT NOT NULL, message TEXT NOT NULL,
    since TEXT NOT NULL, business_key TEXT, definition_key TEXT);
    CREATE INDEX IF NOT EXISTS incidents_zone ON incidents (zone_id);
    CREATE INDEX IF NOT EXISTS incidents_case ON incidents (case_id)`,
  on: {
    IncidentRaised(incident, { db, caseId, zoneId, event }) {
      const owner = sql(db, 'SELECT business_key, definition_key FROM cases WHERE id = ?').get(caseId) as { business_key: string; definition_key: string } | undefined;
      sql(
        db,
        `INSERT OR REPLACE INTO incidents (id, case_id, zone_id, element_id, message, since, business_key, definition_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(incident.incidentId, caseId, zoneId, incident.elementId, incident.message, engineTimeOf(event), owner?.business_key ?? null, owner?.definition_key ?? null);
    },
    IncidentResolved: (resolved, { db }) => void sql(db, 'DELETE FROM incidents WHERE id = ?').run(resolved.incidentId),
    ...dropRowsWhenCaseEnds('incidents'),
  },
});

/** When the engine raised it: its time (the test clock's, when set) rather than the wall clock's. */
function engineTimeOf(event: RecordedEvent): string {
  const engineTime = event.metadata['engineTime'];
  return typeof engineTime === 'string' && engineTime.length > 0 ? engineTime : event.recordedAt;
}
