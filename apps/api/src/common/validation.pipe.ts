import { FieldProblem, refused, RefusedError } from '@app/domain';
import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';

/**
 * class-validator's own checks, which no decorator of ours words: an unknown field, and a nested one
 * that is not an object. Every message of ours is Japanese; the library's are English.
 */
const LIBRARY_CHECK_PROBLEMS: Readonly<Record<string, string>> = {
  whitelistValidation: '不明な項目です',
  nestedValidation: '項目の組（JSON のオブジェクト）で指定してください',
};
const LIBRARY_DEFAULT = /^[\x20-\x7e]*$/;

/** The problem in Japanese: ours as worded, the library's English by what it checked. */
const inJapanese = (check: string, message: string) => (LIBRARY_DEFAULT.test(message) ? (LIBRARY_CHECK_PROBLEMS[check] ?? '形式が正しくありません') : message);

/** Flattens nested validation errors to dotted field paths a person can find in their request. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // A rule put as several checks (whole number, at least, at most) says its words once.
    const own = [...new Set(Object.entries(error.constraints ?? {}).map(([check, message]) => inJapanese(check, message)))];
    return [...(own.length ? [{ field, problems: own }] : []), ...fieldProblems(error.children ?? [], field)];
  });
}

/**
 * Validates every body, query and path DTO. Unknown fields are refused rather than dropped, so a
 * misspelt field is reported instead of silently ignored; the answer names each field and problem.
 */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => invalidFields(fieldProblems(errors)),
  });
}

/**
 * Leaves single path and query values as the strings they were sent as: Nest would turn `0x1b` or
 * `1e30` into numbers with `Number()`, before the parameter's own pipe could refuse them.
 */
class RequestValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown, _metadata: ArgumentMetadata): unknown {
    return value;
  }
}

/**
 * The refusal of a request whose fields are wrong, naming each field and problem. Services use it
 * for checks a DTO cannot make (such as one field's rule depending on another's value or on the
 * database), so that clients read every field error in the same shape.
 */
export function invalidFields(fields: FieldProblem[]): RefusedError {
  const summary = fields.map(({ field, problems }) => `${field}: ${problems.join('、')}`).join(' / ');
  return refused('request.invalid', `入力内容に誤りがあります（${summary}）`, { fields });
}
