import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role, type ZoneId } from '@banjie/contracts';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { GROUP_PATTERN, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, USER_ID_PATTERN, USER_ZONES } from '../user-fields';

/** Body of `POST /api/users`. */
export class CreateUserDto {
  @ApiProperty({ example: 'lf-clerk2', description: '2–64 lowercase letters, digits, . _ -, starting with a letter' })
  @IsString()
  @Matches(USER_ID_PATTERN, { message: 'id must be 2–64 lowercase letters, digits, ".", "_" or "-", starting with a letter' })
  id!: string;

  @ApiProperty({ example: '刘芳' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'a-long-secret', minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(MAX_PASSWORD_LENGTH)
  password!: string;

  @ApiProperty({ example: 'lf', enum: USER_ZONES })
  @IsIn(USER_ZONES, { message: `zoneId must be one of ${USER_ZONES.join(', ')}` })
  zoneId!: ZoneId;

  @ApiProperty({ example: ['clerk'], enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `roles must each be one of ${ROLES.join(', ')}` })
  roles!: Role[];

  @ApiProperty({ example: ['window', 'approval'] })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(GROUP_PATTERN, { each: true, message: 'groups must each be 1–64 letters, digits, ".", "_" or "-"' })
  groups!: string[];
}
