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

/** Reads the header from the case's first event, `CaseStarted`. */
export function caseHeaderOf(first: RecordedEvent): CaseHeader | undefined {
  if (first.type !== 'CaseStarted') return undefined;
  const data = first.data as Record<string, unknown>;
  const actor = first.metadata['actor'] as { id?: string } | undefined;
  return {
    caseId: String(data['caseId']),
    definitionKey: String(data['definitionKey']),
    version: Number(data['version']),
    zoneId: String(data['zoneId']),
    businessKey: String(data['businessKey'] ?? ''),
    startedBy: actor?.id,
  };
}
