import { PipeTransform } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { invalidFields } from './validation.pipe';

const DECIMAL_DIGITS = /^\d{1,16}$/;

/**
 * A whole number written the way people write one: decimal digits only. `0x1b`, `2.7e1`, `1e30` and
 * ` 27` are not 27; whatever is not a string of plain digits becomes NaN and fails the field's @IsInt.
 */
export function strictInteger(value: unknown): number {
  return typeof value === 'string' && DECIMAL_DIGITS.test(value) ? Number(value) : NaN;
}

/** For query DTOs: parse the field with {@link strictInteger} (bounds come from @Min/@Max). */
export const StrictInteger = () => Transform(({ value }) => strictInteger(value));

/** A path segment that must be a whole number within `min…max`, else 400 naming the field. */
export class IntegerParamPipe implements PipeTransform<string, number> {
  constructor(
    private readonly field: string,
    private readonly min: number,
    private readonly max: number,
    private readonly problem: string,
  ) {}

  transform(value: string): number {
    const parsed = strictInteger(value);
    if (!Number.isSafeInteger(parsed) || parsed < this.min || parsed > this.max) {
      throw invalidFields([{ field: this.field, problems: [`${this.problem}。指定値: ${value.slice(0, 40)}`] }]);
    }
    return parsed;
  }
}
