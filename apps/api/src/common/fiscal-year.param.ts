import { CLUSTER_NO_MAX, isSupportedFiscalYear } from '@app/domain';
import { PipeTransform } from '@nestjs/common';
import { IntegerParamPipe } from './integer-input';
import { invalidFields } from './validation.pipe';

/** `:fy` in paths: a western-calendar fiscal year such as 2024. */
export class FiscalYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!isSupportedFiscalYear(year)) throw invalidFields([{ field: 'fy', problems: [`年度は西暦4桁で指定してください（例: 2024）。指定値: ${value}`] }]);
    return year;
  }
}

/** `:no` in paths: a cluster number. */
export const ClusterNoPipe = new IntegerParamPipe('no', 1, CLUSTER_NO_MAX, `事業群番号は1〜${CLUSTER_NO_MAX}の整数で指定してください`);
