import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Body of `POST /api/jobs/:id/fail` (Zeebe's FailJob). */
export class FailJobDto {
  @ApiProperty({ example: 2, description: 'The retries the job has left (usually one less than it had); 0 raises an incident' })
  @IsInt()
  @Min(0)
  @Max(1000)
  retries!: number;

  @ApiProperty({ example: '证照系统不可用 permit registry unavailable', description: 'Why the job failed: shown on the incident at 0 retries' })
  @IsString()
  @MaxLength(2000)
  errorMessage!: string;

  @ApiPropertyOptional({ example: 30_000, description: 'Milliseconds before the job can be activated again (default 0)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  retryBackOff?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { attempts: 1 }, description: 'Variables set local to the job\'s task (Zeebe): the next activation and the incident see them, the case scope does not' })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}
