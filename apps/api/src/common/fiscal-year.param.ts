import { isSupportedFiscalYear } from '@app/domain';
import { ParseIntPipe, PipeTransform } from '@nestjs/common';
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
export const ClusterNoPipe = new ParseIntPipe({
  exceptionFactory: () => invalidFields([{ field: 'no', problems: ['クラスター番号は整数で指定してください'] }]),
});
