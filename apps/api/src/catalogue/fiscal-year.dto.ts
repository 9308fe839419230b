import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class FiscalYearView {
  @ApiProperty({ example: 2024 }) fiscalYear!: number;
  @ApiProperty({ example: '令和6年度' }) label!: string;
  @ApiProperty({ type: Number, nullable: true, description: '複製元の年度' }) copiedFrom!: number | null;
  @ApiProperty({ example: 57 }) clusterCount!: number;
}

/** A new fiscal year starts as a copy of an earlier year's catalogue (groupings are revised afterwards). */
export class CreateFiscalYearRequest {
  @ApiProperty({ example: 2025, description: '作成する年度（西暦）' })
  @IsInt({ message: '作成する年度は西暦の整数で指定してください' })
  @Min(MIN_FISCAL_YEAR, { message: `作成する年度は${MIN_FISCAL_YEAR}〜${MAX_FISCAL_YEAR}の範囲で指定してください` })
  @Max(MAX_FISCAL_YEAR, { message: `作成する年度は${MIN_FISCAL_YEAR}〜${MAX_FISCAL_YEAR}の範囲で指定してください` })
  fiscalYear!: number;

  @ApiProperty({ example: 2024, description: '複製元の年度（西暦）' })
  @IsInt({ message: '複製元の年度は西暦の整数で指定してください' })
  @Min(MIN_FISCAL_YEAR, { message: `複製元の年度は${MIN_FISCAL_YEAR}〜${MAX_FISCAL_YEAR}の範囲で指定してください` })
  @Max(MAX_FISCAL_YEAR, { message: `複製元の年度は${MIN_FISCAL_YEAR}〜${MAX_FISCAL_YEAR}の範囲で指定してください` })
  copyFrom!: number;
}

export class CategoryView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) reform!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '種別が属する区分' }) groupCode!: string | null;
}

export class CatalogueStructureView {
  @ApiProperty({ type: [CategoryView], description: '区分（政策・施策 / 横断的な仕組み / 組織力強化）' }) groups!: CategoryView[];
  @ApiProperty({ type: [CategoryView], description: '政策・施策の種別' }) kinds!: CategoryView[];
}
