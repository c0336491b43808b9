import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/** Body of `POST /api/cases/:id/variables`. */
export class SetVariablesDto {
  @ApiProperty({ type: 'object', additionalProperties: true, example: { area: 1200 } })
  @IsObject({ message: 'variables must be a JSON object' })
  variables!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'An active element instance (sub-process scope); the case when absent' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  scopeId?: string;
}
