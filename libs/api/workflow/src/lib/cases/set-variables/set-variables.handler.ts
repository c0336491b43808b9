import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommands } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';
import { assertCanSee } from '../../shared/case-access';
import { SetVariablesCommand } from './set-variables.command';

@CommandHandler(SetVariablesCommand)
export class SetVariablesHandler implements ICommandHandler<SetVariablesCommand> {
  constructor(private readonly cases: CaseCommands) {}

  async execute({ caseId, variables, scopeId, actor, correlationId }: SetVariablesCommand): Promise<CaseView> {
    const outcome = await this.cases.execute({
      caseId,
      actor,
      correlationId,
      authorize: (header) => assertCanSee(actor, header),
      command: { type: 'SetVariables', variables, ...(scopeId ? { scopeId } : {}) },
    });
    return outcome.view;
  }
}
