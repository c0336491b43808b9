import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Body of `POST /api/messages`. */
export class CorrelateMessageDto {
  @ApiProperty({ example: 'SupplementReceived' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'LF-2026-001' })
  @IsString()
  @MaxLength(500)
  correlationKey!: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}
