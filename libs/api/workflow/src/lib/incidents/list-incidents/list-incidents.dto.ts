import { ApiPropertyOptional } from '@nestjs/swagger';
import { ZONES } from '@banjie/contracts';
import { IsIn, IsOptional } from 'class-validator';

/** Query string of `GET /api/incidents`. */
export class ListIncidentsDto {
  @ApiPropertyOptional({ enum: ZONES })
  @IsOptional()
  @IsIn([...ZONES], { message: `zoneId must be one of: ${ZONES.join(', ')}` })
  zoneId?: string;
}
