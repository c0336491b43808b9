import { decodeCaseEvent } from '@banjie/engine';
import type { RecordedEvent } from '@banjie/event-store';

/** What the api needs to know about a case before asking the engine: whose it is and which model runs it. */
export interface CaseHeader {
  caseId: string;
  definitionKey: string;
  version: number;
  zoneId: string;
  businessKey: string;
  /** Id of the user who started the case (the applicant who may rate it). */
  startedBy?: string;
}

/** Reads the header from the case's first event, `CaseStarted` (decoded by the catalogue). */
export function caseHeaderOf(first: RecordedEvent): CaseHeader | undefined {
  const decoded = decodeCaseEvent(first);
  if (decoded?.type !== 'CaseStarted') return undefined;
  const started = decoded.data;
  const actor = first.metadata['actor'] as { id?: string } | undefined;
  return {
    caseId: started.caseId,
    definitionKey: started.definitionKey,
    version: started.version,
    zoneId: started.zoneId,
    businessKey: started.businessKey ?? '',
    startedBy: actor?.id,
  };
}
