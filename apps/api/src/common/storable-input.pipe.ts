import { unstorableInputProblems } from '@app/domain';
import { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { invalidFields } from './validation.pipe';

/**
 * Runs before validation on every body, query and path value: text the database cannot store (NUL,
 * lone surrogates) and JSON nested beyond any valid request are refused here, naming the field, so
 * they never reach a workflow or the projection.
 */
export class StorableInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const prefix = metadata.type === 'param' && metadata.data ? metadata.data : '';
    const problems = unstorableInputProblems(value, prefix);
    if (problems.length > 0) throw invalidFields(problems);
    return value;
  }
}
