import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ZONES } from '@banjie/contracts';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Query string of `GET /api/stats/heat`. */
export class GetHeatDto {
  @ApiProperty({ description: 'the flow (process id) whose diagram is shown' })
  @IsString({ message: 'definitionKey is required: the flow whose heat to show' })
  @IsNotEmpty({ message: 'definitionKey is required: the flow whose heat to show' })
  @MaxLength(200)
  definitionKey!: string;

  @ApiPropertyOptional({ enum: [...ZONES, 'province'], description: 'the caller’s zone by default' })
  @IsOptional()
  @IsIn([...ZONES, 'province'], { message: `zoneId must be one of: ${[...ZONES, 'province'].join(', ')}` })
  zoneId?: string;
}
