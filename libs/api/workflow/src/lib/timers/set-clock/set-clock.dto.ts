import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

/** Body of `POST /api/admin/clock`. */
export class SetClockDto {
  @ApiProperty({ example: '2026-03-02T09:00:00+08:00' })
  @IsISO8601({ strict: true })
  now!: string;
}
