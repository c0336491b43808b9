import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApiError, CaseCommands } from '@banjie/api-core';
import { assertCanSee } from '../../shared/case-access';
import { SubmitEvaluationCommand, type EvaluationView } from './submit-evaluation.command';

@CommandHandler(SubmitEvaluationCommand)
export class SubmitEvaluationHandler implements ICommandHandler<SubmitEvaluationCommand> {
  constructor(private readonly cases: CaseCommands) {}

  async execute({ caseId, rating, comment, actor, correlationId }: SubmitEvaluationCommand): Promise<EvaluationView> {
    const outcome = await this.cases.execute({
      caseId,
      actor,
      correlationId,
      authorize: (header) => {
        assertCanSee(actor, header);
        if (header.startedBy !== actor.id) throw ApiError.forbidden('Only the applicant of the case rates it');
      },
      command: { type: 'SubmitEvaluation', rating, comment, userId: actor.id },
    });
    return { caseId, rating, ...(comment ? { comment } : {}), revision: outcome.view.revision };
  }
}
