import type { CaseEventView, CaseView } from '@banjie/contracts';

/** The format name an exported case file carries, read by `npm run verify -- --file`. */
export const CASE_FILE_FORMAT = 'banjie-case-file';

/**
 * 案卷 A case file: every event of one case with its hash chain, as `GET /api/cases/:id/events`
 * returned them, so anyone can re-compute the chain offline (`tools/verify`). `stream` is the
 * store's stream name, which each hash covers.
 */
export interface CaseFile {
  format: typeof CASE_FILE_FORMAT;
  formatVersion: 1;
  caseId: string;
  stream: string;
  businessKey: string;
  definitionKey: string;
  version: number;
  zoneId: string;
  exportedAt: string;
  /** The hash of the newest event when exported: compare it with the head hash `verify` reports. */
  headHash: string;
  events: CaseEventView[];
}

/** The case file of a case and its events (oldest first). */
export function toCaseFile(view: CaseView, events: readonly CaseEventView[], exportedAt: Date): CaseFile {
  return {
    format: CASE_FILE_FORMAT,
    formatVersion: 1,
    caseId: view.id,
    stream: `case-${view.id}`,
    businessKey: view.businessKey,
    definitionKey: view.definitionKey,
    version: view.version,
    zoneId: view.zoneId,
    exportedAt: exportedAt.toISOString(),
    headHash: events.at(-1)?.hash ?? '',
    events: [...events],
  };
}

/** The download name of a case file: its business key (or id) and `.case.json`. */
export function caseFileName(view: CaseView): string {
  const name = (view.businessKey || view.id).replace(/[^\p{L}\p{N}._-]+/gu, '-');
  return `${name}.case.json`;
}

/** Saves a case file through the browser's download. */
export function downloadCaseFile(file: CaseFile, name: string, document: Document): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
