import { ApiPropertyOptional } from '@nestjs/swagger';
import { ZONES } from '@banjie/contracts';
import { IsIn, IsOptional } from 'class-validator';

/** Query string of `GET /api/stats`. */
export class GetStatsDto {
  @ApiPropertyOptional({ enum: [...ZONES, 'province'] })
  @IsOptional()
  @IsIn([...ZONES, 'province'])
  zoneId?: string;
}
