import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** Body of `POST /api/cases/:id/evaluation`: 好差评, 5 = 非常满意 … 1 = 非常不满意. */
export class SubmitEvaluationDto {
  @ApiProperty({ enum: [1, 2, 3, 4, 5] })
  @IsIn([1, 2, 3, 4, 5])
  rating!: 1 | 2 | 3 | 4 | 5;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}
