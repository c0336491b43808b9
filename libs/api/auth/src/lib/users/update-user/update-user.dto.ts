import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role, type ZoneId } from '@banjie/contracts';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { GROUP_PATTERN, USER_ZONES } from '../user-fields';

/** Body of `PATCH /api/users/:id`: only the fields to change. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: '刘芳' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: 'lf', enum: USER_ZONES })
  @IsOptional()
  @IsIn(USER_ZONES, { message: `zoneId must be one of ${USER_ZONES.join(', ')}` })
  zoneId?: ZoneId;

  @ApiPropertyOptional({ example: ['clerk'], enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `roles must each be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  @ApiPropertyOptional({ example: ['window', 'approval'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(GROUP_PATTERN, { each: true, message: 'groups must each be 1–64 letters, digits, ".", "_" or "-"' })
  groups?: string[];

  @ApiPropertyOptional({ example: false, description: 'false deactivates: the user cannot sign in and its tokens stop working' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
