import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Body of `POST /api/tasks/:id/assign`. */
export class AssignTaskDto {
  @ApiProperty({ example: 'lf-planning', description: 'The colleague who gets the task: a clerk, agent or leader of the task’s zone' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  userId!: string;
}
