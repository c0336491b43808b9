import { ExpressionFailure } from '../behaviors/expressions';
import { startDeadline } from '../behaviors/legal-clock';
import { activate } from '../behaviors/transitions';
import { visibleVariables } from '../behaviors/variables';
import { openEventSubProcessWaits } from '../processors/containers/sub-process.processor';
import { isVariables, reject, type CommandHandler } from './command-handler';

/**
 * Starts a case: `CaseStarted` with the start variables, the case-level legal limit, the
 * event sub-processes' waits, then the chosen start event (none, message or a named one).
 */
export const startCase: CommandHandler<'StartCase'> = (run, command) => {
  const model = run.rootModel;
  if (run.state.status !== 'none') return reject('already_done', `case ${run.state.caseId} has already started`);
  if (command.definitionKey !== model.key) return reject('invalid_input', `the model is "${model.key}", not "${command.definitionKey}"`);
  if (command.variables !== undefined && !isVariables(command.variables)) return reject('invalid_variables', 'variables must be a JSON object');
  const rootStarts = model.scopes[model.key].elements.map((id) => model.elements[id]).filter((e) => e.kind === 'startEvent');
  const start = command.startEventId
    ? rootStarts.find((e) => e.id === command.startEventId)
    : command.messageName
      ? rootStarts.find((e) => e.trigger?.kind === 'message' && e.trigger.messageName === command.messageName)
      : (rootStarts.find((e) => e.trigger?.kind === 'none') ?? (rootStarts.length === 1 ? rootStarts[0] : undefined));
  if (!start) return reject('invalid_input', `no start event of "${model.key}" fits (${command.startEventId ?? command.messageName ?? 'none start event'})`);
  const variables = { ...(command.variables ?? {}) };
  run.emit('CaseStarted', {
    caseId: command.caseId,
    definitionKey: model.key,
    version: command.version,
    zoneId: command.zoneId,
    businessKey: command.businessKey ?? '',
    variables,
    startedAt: run.now,
  });
  if (model.legalLimit) {
    try {
      startDeadline(run, { instanceId: command.caseId, elementId: model.key }, model.legalLimit, visibleVariables(run, command.caseId));
    } catch (e) {
      if (e instanceof ExpressionFailure) return reject('invalid_variables', e.message);
      throw e;
    }
  }
  openEventSubProcessWaits(run, command.caseId);
  run.later(() => void activate(run, { elementId: start.id, scopeId: command.caseId }), command.caseId);
  return undefined;
};
