import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { Request } from 'express';
import { caseIdPipe } from '../../shared/case-id.pipe';
import { correlationIdOf } from '../../shared/correlation';
import { SubmitEvaluationCommand, type EvaluationView } from './submit-evaluation.command';
import { SubmitEvaluationDto } from './submit-evaluation.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class SubmitEvaluationController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/evaluation')
  @Roles('applicant')
  @ApiOperation({ summary: 'Rate the service of a case (its applicant, once): 201' })
  evaluate(@Param('id', caseIdPipe) id: string, @Body() body: SubmitEvaluationDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<EvaluationView> {
    return this.commandBus.execute(new SubmitEvaluationCommand(id, body.rating, body.comment, actor, correlationIdOf(req)));
  }
}
