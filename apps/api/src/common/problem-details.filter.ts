import { refusal, Refusal, REFUSAL_REASONS, RefusalCode, REPORT_BODY_MAX_LENGTH } from '@app/domain';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { isGrpcServiceError, ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { Request, Response } from 'express';
import { isDatabaseUnavailable } from '@app/persistence';
import { JSON_BODY_LIMIT, sendProblem } from './http-guards';
import { refusalOf } from './refusal-of';

/** When to ask again after Temporal did not answer: long enough for a worker to come back from a restart. */
const RETRY_AFTER_SECONDS = 5;

/** gRPC codes of a server that cannot be reached or did not answer in time. */
const UNREACHABLE = [4, 14];

/** Errors Nest and Express raise themselves (unknown route, unreadable body), by status. */
const PLUMBING_CODES: Readonly<Record<number, RefusalCode>> = {
  401: 'auth.required',
  403: 'access.denied',
  404: 'route.unknown',
  413: 'request.too-large',
  415: 'request.unsupported-media-type',
  429: 'request.rate-limited',
};

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
    if (response.headersSent) return;
    sendProblem(request, response, answer.refusal, answer.status);
  }

  private answerTo(error: unknown, request: Request): { refusal: Refusal; status?: number } {
    const refused = refusalOf(error);
    if (refused) return { refusal: refused };
    // Temporal out of reach is the server's trouble, not the caller's: a reason a person can act on, not a bare 500.
    if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isDeadlineExceeded(error)) {
      return {
        refusal: refusal(
          'temporal.unavailable',
          'ワークフローサーバー（Temporal）が時間内に応答しませんでした。操作はまだ反映されていないか、処理中です。しばらくしてから同じ操作をもう一度お試しください（同じ Idempotency-Key なら二重には処理されません）',
          { retryAfterSeconds: RETRY_AFTER_SECONDS },
        ),
      };
    }
    if (error instanceof ServiceError && isGrpcServiceError(error.cause) && UNREACHABLE.includes(error.cause.code)) {
      return {
        refusal: refusal('temporal.unavailable', 'ワークフローサーバー（Temporal）に接続できません。しばらくしてから再度お試しください', { retryAfterSeconds: RETRY_AFTER_SECONDS }),
      };
    }
    if (isDatabaseUnavailable(error)) {
      this.logger.warn(`PostgreSQL unavailable answering ${request.method} ${request.path}: ${error instanceof Error ? error.message : String(error)}`);
      return {
        refusal: refusal('database.unavailable', 'データベースに接続できません。しばらくしてから再度お試しください', { retryAfterSeconds: RETRY_AFTER_SECONDS }),
      };
    }
    if (error instanceof HttpException && error.getStatus() < 500) return { refusal: plumbingRefusal(error.getStatus(), request, error.message), status: error.getStatus() };
    if (isBodyReadingError(error)) return { refusal: plumbingRefusal(error.status, request), status: error.status };
    if (error instanceof HttpException && isHealthReport(error.getResponse())) {
      const report = error.getResponse() as HealthReport;
      return {
        refusal: refusal('service.unhealthy', `応答していないサービスがあります: ${Object.keys(report.error).map(serviceName).join('、')}`, { current: serviceStates(report) }),
        status: error.getStatus(),
      };
    }
    this.logger.error(`unexpected error answering ${request.method} ${request.path}`, error instanceof Error ? error.stack : String(error));
    return { refusal: refusal('server.error', 'サーバーで予期しないエラーが発生しました。しばらくしてから再度お試しください。解決しない場合は管理者に連絡してください') };
  }
}

/** A call past its request deadline, as the SDK raises it outside an Update (a start, a query). */
function isDeadlineExceeded(error: unknown): boolean {
  const cause = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(cause) && cause.code === 4;
}

/** body-parser's refusals of a body (too large, malformed, wrong charset): 4xx errors meant to be told. */
function isBodyReadingError(error: unknown): error is { status: number; expose: true } {
  const candidate = error as { status?: unknown; expose?: unknown; type?: unknown };
  return typeof candidate?.status === 'number' && candidate.status >= 400 && candidate.status < 500 && candidate.expose === true && typeof candidate.type === 'string';
}

/** Express's words for a path segment whose percent-encoding does not decode (Nest passes them on as a 400). */
const UNDECODABLE_PATH = /^Failed to decode param '(.*)'$/s;

function plumbingRefusal(status: number, request: Request, message = ''): Refusal {
  const code = PLUMBING_CODES[status] ?? 'request.invalid';
  const undecodable = UNDECODABLE_PATH.exec(message);
  if (code === 'request.invalid' && undecodable) {
    return refusal(code, `URL のパスを読み取れません。%エンコードが正しくない部分があります（${undecodable[1].slice(0, 40)}）`);
  }
  if (code === 'route.unknown') return refusal(code, `${request.method} ${request.path} という API はありません`);
  if (code === 'request.too-large') return refusal(code, `要求の本文が大きすぎます（上限 ${JSON_BODY_LIMIT}）。報告書の本文は${REPORT_BODY_MAX_LENGTH.toLocaleString('ja-JP')}文字までです`);
  if (code === 'request.rate-limited') return refusal(code, 'この端末からのログインの試行が多すぎます。1分ほど待ってから再度お試しください');
  if (code === 'request.invalid') return refusal(code, '要求を読み取れません。本文が正しい JSON か確認してください');
  return refusal(code, REFUSAL_REASONS[code].title);
}

interface HealthReport {
  readonly status: 'error';
  readonly error: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/**
 * Each service's state, and nothing of the checks' own error texts: those name hosts, ports and
 * drivers, which an unauthenticated caller has no business reading (they are in the log).
 */
function serviceStates(report: HealthReport): Record<string, string> {
  const states = (checks: unknown) => Object.entries((checks ?? {}) as Record<string, { status?: unknown }>).map(([name, check]) => [name, String(check?.status ?? 'down')]);
  return Object.fromEntries([...states(report.info), ...states(report.error)]);
}

/** The health checks' keys as a person reads them, the key kept for matching `current`. */
function serviceName(key: string): string {
  const names: Readonly<Record<string, string>> = { database: 'データベース', temporal: 'ワークフローサーバー（Temporal）', worker: 'ワーカー' };
  return names[key] ? `${names[key]} [${key}]` : key;
}

/** `@nestjs/terminus` answers a failed health check with its report. */
function isHealthReport(body: unknown): body is HealthReport {
  return typeof body === 'object' && body !== null && (body as HealthReport).status === 'error' && typeof (body as HealthReport).error === 'object';
}
