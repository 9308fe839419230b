import { refusal, Refusal, REFUSAL_REASONS, RefusalCode } from '@app/domain';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { isGrpcServiceError, ServiceError } from '@temporalio/client';
import { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problemOf } from './problem-details';
import { refusalOf } from './refusal-of';

/** gRPC codes of a server that cannot be reached or did not answer in time. */
const UNREACHABLE = [4, 14];

/** Errors Nest and Express raise themselves (unknown route, unreadable body), by status. */
const PLUMBING_CODES: Readonly<Record<number, RefusalCode>> = { 401: 'auth.required', 403: 'access.denied', 404: 'route.unknown' };

/**
 * The one place an error becomes an HTTP answer: every error the API gives is an RFC 9457 problem
 * with a stable reason code, whatever raised it. Unexpected errors are logged and answered with a
 * generic 500 that leaks nothing.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetailsFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const answer = this.answerTo(error, request);
    const problem = problemOf(answer.refusal, request.path, answer.status);
    if (response.headersSent) return;
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(problem.status).setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    response.send(JSON.stringify(problem));
  }

  private answerTo(error: unknown, request: Request): { refusal: Refusal; status?: number } {
    const refused = refusalOf(error);
    if (refused) return { refusal: refused };
    // Temporal out of reach is the server's trouble, not the caller's: a reason a person can act on, not a bare 500.
    if (error instanceof ServiceError && isGrpcServiceError(error.cause) && UNREACHABLE.includes(error.cause.code)) {
      return { refusal: refusal('temporal.unavailable', 'ワークフローサーバー（Temporal）に接続できません。しばらくしてから再度お試しください') };
    }
    if (error instanceof HttpException && error.getStatus() < 500) return { refusal: plumbingRefusal(error, request), status: error.getStatus() };
    if (error instanceof HttpException && isHealthReport(error.getResponse())) {
      const report = error.getResponse() as HealthReport;
      return {
        refusal: refusal('service.unhealthy', `応答していないサービスがあります: ${Object.keys(report.error).join(', ')}`, { current: report }),
        status: error.getStatus(),
      };
    }
    this.logger.error(`unexpected error answering ${request.method} ${request.path}`, error instanceof Error ? error.stack : String(error));
    return { refusal: refusal('server.error', 'サーバーで予期しないエラーが発生しました。しばらくしてから再度お試しください。解決しない場合は管理者に連絡してください') };
  }
}

function plumbingRefusal(error: HttpException, request: Request): Refusal {
  const code = PLUMBING_CODES[error.getStatus()] ?? 'request.invalid';
  if (code === 'route.unknown') return refusal(code, `${request.method} ${request.path} という API はありません`);
  if (error.getStatus() === 413) return refusal(code, '要求の本文が大きすぎます');
  if (code === 'request.invalid') return refusal(code, '要求を読み取れません。本文が正しい JSON か確認してください');
  return refusal(code, REFUSAL_REASONS[code].title);
}

interface HealthReport {
  readonly status: 'error';
  readonly error: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/** `@nestjs/terminus` answers a failed health check with its report; it is kept as the problem's `current`. */
function isHealthReport(body: unknown): body is HealthReport {
  return typeof body === 'object' && body !== null && (body as HealthReport).status === 'error' && typeof (body as HealthReport).error === 'object';
}
