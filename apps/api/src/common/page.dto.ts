import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 200;

/** `?page=&pageSize=` on every list. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page は1以上の整数で指定してください' })
  @Min(1, { message: 'page は1以上の整数で指定してください' })
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `pageSize は1〜${MAX_PAGE_SIZE}の整数で指定してください` })
  @Min(1, { message: `pageSize は1〜${MAX_PAGE_SIZE}の整数で指定してください` })
  @Max(MAX_PAGE_SIZE, { message: `pageSize は1〜${MAX_PAGE_SIZE}の整数で指定してください` })
  pageSize = 50;
}

export class PageMeta {
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
