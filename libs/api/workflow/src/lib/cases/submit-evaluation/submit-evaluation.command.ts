import { Command } from '@nestjs/cqrs';
import type { Actor } from '@banjie/api-core';

/** What `POST /api/cases/:id/evaluation` answers. */
export interface EvaluationView {
  caseId: string;
  rating: number;
  comment?: string;
  revision: number;
}

/** The applicant of a case rates the service, once. */
export class SubmitEvaluationCommand extends Command<EvaluationView> {
  constructor(
    readonly caseId: string,
    readonly rating: number,
    readonly comment: string | undefined,
    readonly actor: Actor,
    readonly correlationId?: string,
  ) {
    super();
  }
}
