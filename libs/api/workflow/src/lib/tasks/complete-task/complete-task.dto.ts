import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

/** Body of `POST /api/tasks/:id/complete`. */
export class CompleteTaskDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Checked against the task form when it has one' })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;
}
