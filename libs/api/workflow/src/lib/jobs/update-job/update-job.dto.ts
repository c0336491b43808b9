import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import type { JobChangeset } from '@banjie/contracts';
import { MAX_JOB_TIMEOUT_MS } from '../activate-jobs/activate-jobs.dto';

/** The most retries a job can be given, as `POST /api/jobs/:id/fail` allows. */
export const MAX_JOB_RETRIES = 1000;

/** What to change on a job: at least one of the two. */
export class JobChangesetDto implements JobChangeset {
  @ApiPropertyOptional({ example: 3, description: `The job's new retries (1–${MAX_JOB_RETRIES}); a job held by its incident is given back with them when the incident is resolved` })
  @ValidateIf((changes: JobChangesetDto) => changes.retries !== undefined)
  @IsInt()
  @Min(1)
  @Max(MAX_JOB_RETRIES)
  retries?: number;

  @ApiPropertyOptional({ example: 300_000, description: `Milliseconds from now the activated job stays its worker's (1 ms–24 h)` })
  @ValidateIf((changes: JobChangesetDto) => changes.timeout !== undefined)
  @IsInt()
  @Min(1)
  @Max(MAX_JOB_TIMEOUT_MS)
  timeout?: number;
}

/** Body of `PATCH /api/jobs/:id` (Camunda v2 REST "update a job"). */
export class UpdateJobDto {
  @ApiProperty({ type: JobChangesetDto })
  @IsObject()
  @ValidateNested()
  @Type(() => JobChangesetDto)
  changeset!: JobChangesetDto;
}
