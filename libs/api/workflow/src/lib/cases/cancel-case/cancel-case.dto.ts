import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Body of `POST /api/cases/:id/cancel`. */
export class CancelCaseDto {
  @ApiProperty({ example: '申请人撤回' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
}
