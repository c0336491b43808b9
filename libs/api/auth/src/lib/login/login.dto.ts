import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Body of `POST /api/auth/login`. */
export class LoginDto {
  @ApiProperty({ example: 'lf-clerk' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username!: string;

  @ApiProperty({ example: 'banjie' })
  @IsString()
  @MaxLength(200)
  password!: string;
}
