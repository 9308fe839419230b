import { BUREAU_CODE_PATTERN, SLUG_PATTERN } from '@app/domain';
import { PipeTransform } from '@nestjs/common';
import { invalidFields } from './validation.pipe';

/** A path segment that names something by a code of a known shape, else 400 naming the field. */
export class CodeParamPipe implements PipeTransform<string, string> {
  constructor(
    private readonly field: string,
    private readonly pattern: RegExp,
    private readonly problem: string,
  ) {}

  transform(value: string): string {
    if (!this.pattern.test(value)) throw invalidFields([{ field: this.field, problems: [`${this.problem}。指定値: ${value.slice(0, 40)}`] }]);
    return value;
  }
}

export const BureauCodePipe = new CodeParamPipe('bureau', BUREAU_CODE_PATTERN, '局は英数字・ハイフン・下線のコードで指定してください（例: kankyo）');
export const IssueIdPipe = new CodeParamPipe('issueId', SLUG_PATTERN, '課題は英小文字の識別子で指定してください（例: seal-free）');
