import { refused, STORED_INTEGER_MAX } from '@app/domain';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeaderOptions } from '@nestjs/swagger';
import { Request } from 'express';

export const IF_MATCH_HEADER_DOC: ApiHeaderOptions = {
  name: 'If-Match',
  required: false,
  description:
    'The version the edit started from, as an entity tag: `"3"` (or `"0"` for a report never saved). If someone has saved since, the answer is 412 `report.version-stale` and nothing is saved, so a retried or concurrent save never adds a second version.',
};

/** An entity tag of a report version: `"3"`, also weak (`W/"3"`). */
const VERSION_TAG = /^(?:W\/)?"(\d{1,10})"$/;

/** The `If-Match` version of a draft save; null when the request has none (or `*`). */
export function basedOnVersionOf(request: Request): number | null {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return null;
  const match = VERSION_TAG.exec(header.trim());
  const version = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(version) || version > STORED_INTEGER_MAX) {
    const problem = 'If-Match には編集を始めた版の番号を "3" の形で指定してください（未保存なら "0"）';
    throw refused('request.invalid', problem, { fields: [{ field: 'If-Match', problems: [problem] }] });
  }
  return version;
}

/** The `If-Match` version of the request, for a handler's parameter. */
export const BasedOnVersion = createParamDecorator((_: unknown, context: ExecutionContext) => basedOnVersionOf(context.switchToHttp().getRequest<Request>()));
