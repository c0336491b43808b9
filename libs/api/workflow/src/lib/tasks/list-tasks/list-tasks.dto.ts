import { ApiPropertyOptional } from '@nestjs/swagger';
import { ListPageDto } from '@banjie/api-core';
import { IsIn, IsOptional } from 'class-validator';

/** Query string of `GET /api/tasks`. */
export class ListTasksDto extends ListPageDto {
  @ApiPropertyOptional({ enum: ['mine', 'candidate', 'all'], description: 'mine = assigned to me; candidate = unassigned and offered to me or my groups; all = my zone (default: mine and candidate)' })
  @IsOptional()
  @IsIn(['mine', 'candidate', 'all'])
  scope?: 'mine' | 'candidate' | 'all';

  @ApiPropertyOptional({ enum: ['open', 'completed'], description: 'default open' })
  @IsOptional()
  @IsIn(['open', 'completed'])
  status?: 'open' | 'completed';
}
