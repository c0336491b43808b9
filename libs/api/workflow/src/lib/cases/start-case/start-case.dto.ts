import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';

/** Body of `POST /api/cases`. */
export class StartCaseDto {
  @ApiProperty({ example: 'linfen-123-closure' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  definitionKey!: string;

  @ApiPropertyOptional({ description: 'Defaults to the latest version' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ example: 'LF-2026-001' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  businessKey?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'lf', description: "The zone of the definition, for province-wide callers when several zones deployed the key; a zone user's own zone only" })
  @IsOptional()
  @IsString()
  zoneId?: string;
}
