import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** Query string of `GET /api/cases`. */
export class ListCasesDto {
  @ApiPropertyOptional({ enum: ['active', 'completed', 'cancelled', 'terminated'] })
  @IsOptional()
  @IsIn(['active', 'completed', 'cancelled', 'terminated'])
  status?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  definitionKey?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  businessKey?: string;
}
