import { isRefusal, Refusal, refused, RefusedError } from '@app/domain';
import { IdempotentRequestRepository } from '@app/persistence';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { createHash } from 'node:crypto';
import { Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AuthenticatedRequest } from '../auth/current-user.decorator';
import { httpStatusOf } from './problem-details';
import { refusalOf } from './refusal-of';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The refusals any authenticated POST can give because of its `Idempotency-Key`, besides its own. */
export const IDEMPOTENCY_REFUSALS = ['idempotency.key-invalid', 'idempotency.key-reused', 'idempotency.in-progress'] as const;

/**
 * `Idempotency-Key` on any authenticated POST: the first request with a key acts and its answer is
 * kept; a repeat of the same request gets that answer again without acting; a different request under
 * the same key is refused. Answers to the client's mistakes (4xx) are kept too; server failures are
 * not, so a retry can succeed.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly requests: IdempotentRequestRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || key === undefined || !request.user) return next.handle();
    return from(this.handle(context, next, request.user.id, String(key)));
  }

  private async handle(context: ExecutionContext, next: CallHandler, userId: string, key: string): Promise<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    if (!KEY_PATTERN.test(key)) throw refused('idempotency.key-invalid', 'Idempotency-Key は空白を含まない200文字以内の ASCII 文字列で指定してください');
    const hash = createHash('sha256').update(JSON.stringify([request.method, request.originalUrl, withoutSecrets(request.body ?? null)])).digest('hex');
    const stored = await this.requests.claim(userId, key, request.method, request.originalUrl, hash);
    if (stored) {
      if (stored.requestHash !== hash) throw refused('idempotency.key-reused', 'この Idempotency-Key は別の内容の要求に使われています。新しいキーを使ってください');
      if (stored.statusCode === null) throw refused('idempotency.in-progress', '同じ Idempotency-Key の要求を処理中です。完了してから再度お試しください');
      response.setHeader('Idempotent-Replayed', 'true');
      if (stored.statusCode >= 400) throw new RefusedError(storedRefusal(stored.response));
      response.status(stored.statusCode);
      return stored.response;
    }
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      // Nest sets the status after interceptors run: take it from the handler's declaration (POST: 201).
      const status = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? 201;
      await this.requests.complete(userId, key, status, body);
      return body;
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal && httpStatusOf(refusal) < 500) {
        await this.requests.complete(userId, key, httpStatusOf(refusal), refusal);
      } else {
        await this.requests.release(userId, key);
      }
      throw error;
    }
  }
}

/** Refusals are kept as such; an answer kept before they were (a bare message) replays as `request.invalid`. */
function storedRefusal(response: unknown): Refusal {
  return isRefusal(response) ? response : { code: 'request.invalid', message: String((response as { message?: unknown } | null)?.message ?? '') };
}

/** Passwords never reach the stored fingerprint, not even hashed: a repeat is recognised by the rest. */
function withoutSecrets(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withoutSecrets);
  if (body === null || typeof body !== 'object') return body;
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, /password|secret/i.test(key) ? '(hidden)' : withoutSecrets(value)]));
}

/** The key the Workflow Update carries too, so Temporal itself runs a repeated action once. */
export function workflowUpdateKey(request: AuthenticatedRequest): string | undefined {
  const key = request.headers[IDEMPOTENCY_HEADER];
  return key && request.user ? `${request.user.id}:${String(key)}` : undefined;
}
