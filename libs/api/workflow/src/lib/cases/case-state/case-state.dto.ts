import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

/** Query string of `GET /api/cases/:id/state`. */
export class CaseStateDto {
  @ApiProperty({ description: 'Revision of the last event to replay (0 = the first event)' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision!: number;
}
