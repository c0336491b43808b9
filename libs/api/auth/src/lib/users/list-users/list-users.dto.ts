import { ApiPropertyOptional } from '@nestjs/swagger';
import { ListPageDto } from '@banjie/api-core';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Query string of `GET /api/users`; the controller checks `zoneId` and `includeInactive` against the caller. */
export class ListUsersDto extends ListPageDto {
  @ApiPropertyOptional({ description: 'lf, cz, yp, az, xy, tg, sd or province; the caller’s zone when left out' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  zoneId?: string;

  @ApiPropertyOptional({ description: 'true (admins): also deactivated users, each with `active`' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  includeInactive?: string;
}
