import { ApiPropertyOptional } from '@nestjs/swagger';
import { ListPageDto } from '@banjie/api-core';
import { ZONES } from '@banjie/contracts';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

/** Query string of `GET /api/cases`: filters that combine (all must hold), a sort, and the page. */
export class ListCasesDto extends ListPageDto {
  @ApiPropertyOptional({ enum: ZONES, description: 'province-wide users: one zone (zone users: only their own)' })
  @IsOptional()
  @IsIn([...ZONES], { message: `zoneId must be one of: ${ZONES.join(', ')}` })
  zoneId?: string;

  @ApiPropertyOptional({ enum: ['active', 'completed', 'cancelled', 'terminated'] })
  @IsOptional()
  @IsIn(['active', 'completed', 'cancelled', 'terminated'], { message: 'status must be one of: active, completed, cancelled, terminated' })
  status?: string;

  @ApiPropertyOptional({ description: 'the flow (process id)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  definitionKey?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  businessKey?: string;

  @ApiPropertyOptional({ description: 'user id of who started the case' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  applicant?: string;

  @ApiPropertyOptional({ enum: ['yellow', 'red'], description: 'cases with an open deadline at this warning level' })
  @IsOptional()
  @IsIn(['yellow', 'red'], { message: 'warning must be yellow or red' })
  warning?: 'yellow' | 'red';

  @ApiPropertyOptional({ description: 'started on or after: a date (Beijing day) or an ISO-8601 instant' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startedFrom must be a date (YYYY-MM-DD) or an ISO-8601 date-time' })
  startedFrom?: string;

  @ApiPropertyOptional({ description: 'started on or before this date (Beijing day), or before this ISO-8601 instant' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startedTo must be a date (YYYY-MM-DD) or an ISO-8601 date-time' })
  startedTo?: string;

  @ApiPropertyOptional({ enum: ['newest', 'due'], description: 'newest first (default), or the nearest open deadline first' })
  @IsOptional()
  @IsIn(['newest', 'due'], { message: 'sort must be newest or due' })
  sort?: 'newest' | 'due';
}
