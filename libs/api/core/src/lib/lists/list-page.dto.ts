import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_PAGE_SIZE, type PageRequest } from './list-page';

/** `limit` and `cursor` of every list endpoint's query string (docs/api.md "Lists"). */
export class ListPageDto implements PageRequest {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, description: `rows per page, at most ${MAX_PAGE_SIZE} (the default)` })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_PAGE_SIZE, { message: `limit must be at most ${MAX_PAGE_SIZE}` })
  limit?: number;

  @ApiPropertyOptional({ description: 'the X-Next-Cursor of the previous page, unchanged' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'cursor must be at most 2000 characters' })
  cursor?: string;
}
