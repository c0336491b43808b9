import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../users/user-fields';

/** Body of `POST /api/auth/password`. */
export class ChangePasswordDto {
  @ApiProperty({ example: 'banjie' })
  @IsString()
  @MinLength(1, { message: 'currentPassword is required' })
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword!: string;

  @ApiProperty({ example: 'a-long-new-secret', minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `newPassword must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword!: string;
}
