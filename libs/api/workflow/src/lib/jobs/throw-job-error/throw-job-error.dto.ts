import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** Body of `POST /api/jobs/:id/error` (Zeebe's ThrowError). */
export class ThrowJobErrorDto {
  @ApiProperty({ example: 'MATERIALS_MISSING', description: 'The BPMN error code an error boundary event or error event sub-process catches' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  errorCode!: string;

  @ApiPropertyOptional({ example: '缺少消防验收意见', description: 'Shown on the incident when nothing catches the error' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  errorMessage?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Variables set where the error is caught' })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}
