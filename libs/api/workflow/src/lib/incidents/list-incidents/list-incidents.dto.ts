import { ApiPropertyOptional } from '@nestjs/swagger';
import { ZONES } from '@banjie/contracts';
import { ListPageDto } from '@banjie/api-core';
import { IsIn, IsOptional } from 'class-validator';

/** Query string of `GET /api/incidents`. */
export class ListIncidentsDto extends ListPageDto {
  @ApiPropertyOptional({ enum: ZONES })
  @IsOptional()
  @IsIn([...ZONES], { message: `zoneId must be one of: ${ZONES.join(', ')}` })
  zoneId?: string;
}
