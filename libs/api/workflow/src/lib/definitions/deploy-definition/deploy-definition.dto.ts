import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MinLength } from 'class-validator';

/** JSON body of `POST /api/definitions` (raw `application/xml` is accepted too). */
export class DeployDefinitionDto {
  @ApiProperty({ description: 'BPMN 2.0 XML; a DOCTYPE is refused' })
  @IsString()
  @MinLength(1)
  xml!: string;

  @ApiPropertyOptional({ description: 'form-js schemas by form id', type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  forms?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: 'DMN 1.3 resources deployed with the flow, by file name (`dish.dmn` → its XML), as Camunda deploys `.dmn` files beside a `.bpmn`',
    type: 'object',
    additionalProperties: { type: 'string' },
  })
  @IsOptional()
  @IsObject()
  decisions?: Record<string, unknown>;
}
