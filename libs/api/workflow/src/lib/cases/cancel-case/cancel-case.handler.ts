import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseCommands } from '@banjie/api-core';
import type { CaseView } from '@banjie/contracts';
import { assertCanSee } from '../../shared/case-access';
import { CancelCaseCommand } from './cancel-case.command';

@CommandHandler(CancelCaseCommand)
export class CancelCaseHandler implements ICommandHandler<CancelCaseCommand> {
  constructor(private readonly cases: CaseCommands) {}

  async execute({ caseId, reason, actor, correlationId }: CancelCaseCommand): Promise<CaseView> {
    const outcome = await this.cases.execute({
      caseId,
      actor,
      correlationId,
      authorize: (header) => assertCanSee(actor, header),
      command: { type: 'CancelCase', reason, userId: actor.id },
    });
    return outcome.view;
  }
}
