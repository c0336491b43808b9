/** Everything the api acknowledged with a 2xx: each must be in the store at the end. */
export interface Ledger {
  cases: Map<string, { zone: string; businessKey: string; definitionKey: string }>;
  completions: { caseId: string; taskId: string }[];
  deploys: { key: string; version: number; hash: string }[];
  messages: { caseIds: string[]; correlationKey: string }[];
  clockAdvances: number;
  /** Requests answered 4xx/5xx, by status (not acknowledged, so nothing to find). */
  refused: Record<string, number>;
  /** The same, by status and command (`500 start crash-lf`), to find what failed. */
  refusedBy: Record<string, number>;
  /** Requests cut off by a kill (no answer: the client cannot know, so nothing is asserted). */
  unanswered: number;
}

export function emptyLedger(): Ledger {
  return { cases: new Map(), completions: [], deploys: [], messages: [], clockAdvances: 0, refused: {}, refusedBy: {}, unanswered: 0 };
}

/** How many commands the api acknowledged. */
export function acknowledged(ledger: Ledger): number {
  return ledger.cases.size + ledger.completions.length + ledger.deploys.length + ledger.messages.length + ledger.clockAdvances;
}

/** Counts an answer that acknowledged nothing. */
export function countUnacknowledged(ledger: Ledger, status: number | undefined, command: string): void {
  if (status === undefined) return void ledger.unanswered++;
  ledger.refused[status] = (ledger.refused[status] ?? 0) + 1;
  const key = `${status} ${command}`;
  ledger.refusedBy[key] = (ledger.refusedBy[key] ?? 0) + 1;
}
