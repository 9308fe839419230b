import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAGE_MAX } from '@app/domain';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { StrictInteger } from './integer-input';

export const MAX_PAGE_SIZE = 200;

/** An optional whole number within `1…max` in the query string, refused in Japanese naming the field by `label`. */
function PageParameter(label: string, max: number, defaultValue: number) {
  const message = `${label}は1〜${max}の整数で指定してください`;
  return applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: max, default: defaultValue }),
    IsOptional(),
    StrictInteger(),
    IsInt({ message }),
    Min(1, { message }),
    Max(max, { message }),
  );
}

/** Which page of a list: `?page=` and the like, from 1; `label` names it as people know it (ページ). */
export const PageNumber = (label: string) => PageParameter(label, PAGE_MAX, 1);

/** How many items a page holds: `?pageSize=`, up to {@link MAX_PAGE_SIZE}. */
export const PageSize = (defaultValue: number) => PageParameter('1ページの件数', MAX_PAGE_SIZE, defaultValue);

/** `?page=&pageSize=` on every list. */
export class PageQuery {
  @PageNumber('ページ')
  page = 1;

  @PageSize(50)
  pageSize = 50;
}

export class PageMeta {
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
