import { PipeTransform } from '@nestjs/common';
import { invalidFields } from '../common/validation.pipe';

/** `:kind` in paths: a report kind's slug such as `interim` or `direction-budget`. */
export class ReportKindPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[a-z][a-z0-9-]{0,39}$/.test(value)) {
      throw invalidFields([{ field: 'kind', problems: [`報告書の種類は英小文字の識別子で指定してください（例: interim, direction-budget）。指定値: ${value}`] }]);
    }
    return value;
  }
}
