import { FieldProblem, refused, RefusedError } from '@app/domain';
import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';

/** Flattens nested validation errors to dotted field paths a person can find in their request. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // A rule put as several checks (whole number, at least, at most) says its words once.
    const own = [...new Set(Object.values(error.constraints ?? {}))];
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
    exceptionFactory: (errors) => {
      const fields = fieldProblems(errors).map(({ field, problems }) => ({
        field,
        problems: problems.map((problem) => (problem.startsWith(`property ${field.split('.').pop()} should not exist`) ? '不明な項目です' : problem)),
      }));
      return invalidFields(fields);
    },
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
