import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAGE_MAX } from '@app/domain';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { StrictInteger } from './integer-input';

export const MAX_PAGE_SIZE = 200;

/** `?page=&pageSize=` on every list. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: PAGE_MAX, default: 1 })
  @IsOptional()
  @StrictInteger()
  @IsInt({ message: `page は1〜${PAGE_MAX}の整数で指定してください` })
  @Min(1, { message: `page は1〜${PAGE_MAX}の整数で指定してください` })
  @Max(PAGE_MAX, { message: `page は1〜${PAGE_MAX}の整数で指定してください` })
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @StrictInteger()
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
