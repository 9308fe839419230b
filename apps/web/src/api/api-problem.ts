import type { components } from './schema';

export type ProblemDetails = components['schemas']['ProblemDetailsView'];

/** An API refusal as the client sees it: the server's own problem+json, or one made up for a network failure. */
export class ApiProblem extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail);
  }

  get status(): number {
    return this.problem.status;
  }

  /** The field's own messages, for showing beside the field. */
  fieldProblems(field: string): readonly string[] {
    return this.problem.fields.find((entry) => entry.field === field)?.problems ?? [];
  }
}

export const isApiProblem = (error: unknown): error is ApiProblem => error instanceof ApiProblem;

const isProblemDetails = (body: unknown): body is ProblemDetails =>
  typeof body === 'object' && body !== null && typeof (body as ProblemDetails).code === 'string' && typeof (body as ProblemDetails).detail === 'string';

/** What the person sees when the answer is not a problem the API gave (proxy page, lost connection). */
export function problemOf(body: unknown, response: Response | undefined): ApiProblem {
  if (isProblemDetails(body)) return new ApiProblem(body);
  return new ApiProblem({
    type: 'about:blank',
    title: 'サーバーに接続できません',
    status: response?.status ?? 0,
    detail: 'サーバーから応答がありません。ネットワークの接続を確認し、しばらくしてから再度お試しください',
    instance: response ? new URL(response.url).pathname : '',
    code: 'server.error',
    fields: [],
    current: null,
  });
}

/** A refusal (4xx) will not change by asking again; a lost connection or a busy engine (5xx) may. */
export const retryUnlessRefused = (failureCount: number, error: unknown): boolean =>
  !(isApiProblem(error) && error.status >= 400 && error.status < 500) && failureCount < 2;
