import { Body, Controller, HttpCode, Param, Patch, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError, type Actor } from '@banjie/api-core';
import { CurrentActor, Roles } from '@banjie/api-auth';
import type { CaseView, JobChangeset } from '@banjie/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { Request } from 'express';
import { correlationIdOf } from '../../shared/correlation';
import { JOB_ANSWER_ROLES } from '../job-worker-roles';
import { UpdateJobCommand } from './update-job.command';
import { UpdateJobDto } from './update-job.dto';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class UpdateJobController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':id')
  @HttpCode(200)
  @Roles(...JOB_ANSWER_ROLES)
  @ApiOperation({ summary: 'Update a job: new retries (a job its incident holds is given back with them when the incident is resolved) and/or a new timeout for an activated job (Zeebe UpdateJobRetries / UpdateJobTimeout)' })
  @ApiBody({ type: UpdateJobDto })
  update(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor, @Req() req: Request): Promise<CaseView> {
    return this.commandBus.execute(new UpdateJobCommand(id, readChangeset(body), actor, correlationIdOf(req)));
  }
}

/**
 * Reads `{changeset: {retries?, timeout?}}`. Validated here rather than by the app's pipe, so a
 * bad field inside the changeset is named by its path (`changeset.retries`).
 */
function readChangeset(body: unknown): JobChangeset {
  const dto = plainToInstance(UpdateJobDto, isRecord(body) ? body : {});
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  const details = errors.flatMap((error) => fieldErrors(error, ''));
  if (details.length > 0) throw ApiError.badRequest(details.map((d) => d.message).join('; '), details);
  const { retries, timeout } = dto.changeset;
  if (retries === undefined && timeout === undefined) {
    throw ApiError.badRequest('changeset must give retries or timeout (or both)', [{ field: 'changeset', message: 'changeset must give retries or timeout (or both)' }]);
  }
  return { ...(retries !== undefined ? { retries } : {}), ...(timeout !== undefined ? { timeout } : {}) };
}

function fieldErrors(error: ValidationError, parent: string): { field: string; message: string }[] {
  const field = parent ? `${parent}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: parent ? `${message} (in ${parent})` : message }));
  return [...own, ...(error.children ?? []).flatMap((child) => fieldErrors(child, field))];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
