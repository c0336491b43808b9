import type { CaseState } from '../state/case-state';
import { localVariables } from '../state/case-state-queries';
import { upsertWhere, type Applier } from './applier';

/** A case starts: its identity, its first variables, status active. */
export const applyCaseStarted: Applier<'CaseStarted'> = (state, data) => ({
  ...state,
  caseId: data.caseId,
  definitionKey: data.definitionKey,
  version: data.version,
  zoneId: data.zoneId,
  businessKey: data.businessKey,
  status: 'active',
  startedAt: data.startedAt,
  variables: upsertWhere(state.variables, (v) => v.scopeId === data.caseId, { scopeId: data.caseId, values: { ...data.variables } }),
});

export const applyCaseCompleted: Applier<'CaseCompleted'> = (state, data) => ended(state, 'completed', data.endedAt);
export const applyCaseCancelled: Applier<'CaseCancelled'> = (state, data) => ended(state, 'cancelled', data.endedAt);
export const applyCaseTerminated: Applier<'CaseTerminated'> = (state, data) => ended(state, 'terminated', data.endedAt);

/** Variables are merged into their scope (the case itself when no scope is named). */
export const applyVariablesSet: Applier<'VariablesSet'> = (state, data) => {
  const scopeId = data.scopeId ?? state.caseId;
  const values = { ...localVariables(state, scopeId), ...data.variables };
  return { ...state, variables: upsertWhere(state.variables, (v) => v.scopeId === scopeId, { scopeId, values }) };
};

export const applyEvaluationSubmitted: Applier<'EvaluationSubmitted'> = (state, data) => ({
  ...state,
  evaluation: { rating: data.rating, ...(data.comment !== undefined ? { comment: data.comment } : {}), userId: data.userId, at: data.at },
});

/** Facts the state does not need beyond the events that follow them. */
export const recordOnly = (state: CaseState): CaseState => state;

function ended(state: CaseState, status: CaseState['status'], endedAt: string): CaseState {
  return { ...state, status, endedAt };
}
