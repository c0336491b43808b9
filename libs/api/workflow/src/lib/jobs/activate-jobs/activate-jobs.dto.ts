import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** The most jobs one activation hands out. */
export const MAX_JOBS_PER_ACTIVATION = 100;
/** The longest a worker may hold a job (one day) and the longest a request may wait (one minute), in ms. */
export const MAX_JOB_TIMEOUT_MS = 86_400_000;
export const MAX_REQUEST_TIMEOUT_MS = 60_000;
/** How long an activation waits for jobs when the worker names no `requestTimeout`. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** Body of `POST /api/jobs/activate` (Zeebe's ActivateJobs). */
export class ActivateJobsDto {
  @ApiProperty({ example: 'issue-permit', description: 'The job type (zeebe:taskDefinition type) the worker handles' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  type!: string;

  @ApiProperty({ example: 10, description: `At most this many jobs (1–${MAX_JOBS_PER_ACTIVATION})` })
  @IsInt()
  @Min(1)
  @Max(MAX_JOBS_PER_ACTIVATION)
  maxJobs!: number;

  @ApiProperty({ example: 60_000, description: 'Milliseconds the jobs stay this worker’s; after that they can be activated again' })
  @IsInt()
  @Min(1)
  @Max(MAX_JOB_TIMEOUT_MS)
  timeout!: number;

  @ApiProperty({ example: 'permit-service-1', description: 'The worker’s name, recorded on each job' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  worker!: string;

  @ApiPropertyOptional({ example: 20_000, description: `Milliseconds to wait for jobs when none is ready (long poll; 0 answers at once; default ${DEFAULT_REQUEST_TIMEOUT_MS})` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_REQUEST_TIMEOUT_MS)
  requestTimeout?: number;
}
