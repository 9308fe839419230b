import { FieldProblem, Refusal, REFUSAL_REASONS, RefusalClass, RefusalCode, refusalClassOf } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * A problem's `type` names its reason code as a URN: stable across hosts and versions, and not a
 * link a client is expected to follow (RFC 9457 §3.1.1 allows a non-resolvable URI).
 */
export const PROBLEM_TYPE_PREFIX = 'urn:kitakyushu-reform:problem:';

export const problemTypeOf = (code: RefusalCode): string => `${PROBLEM_TYPE_PREFIX}${code}`;

export const HTTP_STATUS_OF_CLASS: Readonly<Record<RefusalClass, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'too-large': 413,
  'headers-too-large': 431,
  'unsupported-media-type': 415,
  'too-many-requests': 429,
  unprocessable: 422,
  internal: 500,
  unavailable: 503,
};

export const httpStatusOf = (refusal: Refusal): number => HTTP_STATUS_OF_CLASS[refusalClassOf(refusal)];

/** Every error body of the API (RFC 9457 problem details with the engine's extension members). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code: RefusalCode;
  readonly fields: readonly FieldProblem[];
  readonly current: Readonly<Record<string, unknown>> | null;
}

/** The problem answering a refusal; `status` only where an error raised outside the engine brought its own. */
export function problemOf(refusal: Refusal, instance: string, status?: number): ProblemDetails {
  return {
    type: problemTypeOf(refusal.code),
    title: REFUSAL_REASONS[refusal.code].title,
    status: status ?? httpStatusOf(refusal),
    detail: refusal.message,
    instance,
    code: refusal.code,
    fields: refusal.fields ?? [],
    current: refusal.current ?? null,
  };
}

export class FieldProblemView {
  @ApiProperty({ example: 'comment', description: '要求の中の項目（入れ子はドット区切り）' }) field!: string;
  @ApiProperty({ type: [String], example: ['差戻しの理由を入力してください'] }) problems!: string[];
}

export class ProblemDetailsView implements ProblemDetails {
  @ApiProperty({ example: `${PROBLEM_TYPE_PREFIX}step.already-decided`, description: `理由コードの URN（${PROBLEM_TYPE_PREFIX}<code>）` }) type!: string;
  @ApiProperty({ example: REFUSAL_REASONS['step.already-decided'].title, description: '理由コードごとに決まった短い表題' }) title!: string;
  @ApiProperty({ example: 409 }) status!: number;
  @ApiProperty({ example: '所管課長の決裁は山田さんが済ませています。現在は所管局長の決裁待ちです（状態: IN_APPROVAL）', description: 'この要求について何が問題か' })
  detail!: string;
  @ApiProperty({ example: '/api/v1/fiscal-years/2024/clusters/27/reports/interim/approve' }) instance!: string;
  @ApiProperty({ enum: Object.keys(REFUSAL_REASONS), example: 'step.already-decided', description: '安定した理由コード（README の一覧を参照）' }) code!: RefusalCode;
  @ApiProperty({ type: [FieldProblemView], description: '誤りのある項目（なければ空）' }) fields!: FieldProblemView[];
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    example: { stage: 'INTERIM_REPORT', reports: [{ kind: 'interim', status: 'IN_APPROVAL' }] },
    description: '競合（409）のときの現在の状態: 事業群の段階と報告書ごとの状態',
  })
  current!: Record<string, unknown> | null;
}
