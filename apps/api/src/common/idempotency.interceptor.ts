import { isRefusal, Refusal, refused, RefusedError } from '@app/domain';
import { IdempotentRequestRepository } from '@app/persistence';
import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { createHash } from 'node:crypto';
import { Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AuthenticatedRequest } from '../auth/current-user.decorator';
import { httpStatusOf } from './problem-details';
import { refusalOf } from './refusal-of';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The methods that act: each takes an `Idempotency-Key`. */
export const ACTING_METHODS: readonly string[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** Injection token of the lease (ms) after which a claimed key whose request gave no answer may be taken over. */
export const IDEMPOTENCY_LEASE_MS = Symbol('IDEMPOTENCY_LEASE_MS');

/** Two minutes: well beyond the 15 s a request may wait on Temporal, so a live request never loses its key. */
export const DEFAULT_IDEMPOTENCY_LEASE_MS = 120_000;

/** The `Idempotency-Key` header as the OpenAPI document shows it. */
export const IDEMPOTENCY_HEADER_DOC = {
  name: 'Idempotency-Key',
  required: false,
  description: '同じキーで繰り返した要求は最初の応答を返し、一度だけ実行されます',
};

/** The refusals any authenticated acting request can give because of its `Idempotency-Key`, besides its own. */
export const IDEMPOTENCY_REFUSALS = ['idempotency.key-invalid', 'idempotency.key-reused', 'idempotency.in-progress'] as const;

/**
 * `Idempotency-Key` on any authenticated POST, PUT, PATCH or DELETE: the first request with a key acts
 * and its answer is kept; a repeat of the same request gets that answer again without acting; a
 * different request under the same key is refused. Answers to the client's mistakes (4xx) are kept too;
 * server failures are not, so a retry can succeed. A request that died holding its key (the process
 * was killed) leaves it claimed only for the lease: then a repeat takes it over and acts.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly requests: IdempotentRequestRepository,
    @Inject(IDEMPOTENCY_LEASE_MS) private readonly leaseMs: number,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (!ACTING_METHODS.includes(request.method) || key === undefined || !request.user) return next.handle();
    return from(this.handle(context, next, request.user.id, String(key)));
  }

  private async handle(context: ExecutionContext, next: CallHandler, userId: string, key: string): Promise<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    if (!KEY_PATTERN.test(key)) throw refused('idempotency.key-invalid', 'Idempotency-Key は空白を含まない200文字以内の ASCII 文字列で指定してください');
    const hash = requestFingerprint(request.method, request.originalUrl, request.body);
    const claim = await this.requests.claim(userId, key, request.method, request.originalUrl, hash, this.leaseMs);
    if (claim.stored) {
      const { stored } = claim;
      if (stored.requestHash !== hash) throw refused('idempotency.key-reused', 'この Idempotency-Key は別の内容の要求に使われています。新しいキーを使ってください');
      if (stored.statusCode === null) {
        throw refused(
          'idempotency.in-progress',
          `同じ Idempotency-Key の要求を処理中です。少し待ってから同じ要求をもう一度送ってください（処理が途中で止まっていた場合は、${leaseText(this.leaseMs)}後に改めて処理されます）`,
        );
      }
      response.setHeader('Idempotent-Replayed', 'true');
      if (stored.statusCode >= 400) throw new RefusedError(storedRefusal(stored.response));
      response.status(stored.statusCode);
      return stored.response;
    }
    const { claimId } = claim;
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      // Nest sets the status after interceptors run: take it from the handler's declaration, else Nest's own default.
      const status = (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? (request.method === 'POST' ? 201 : 200);
      await this.requests.complete(userId, key, claimId, status, body);
      return body;
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal && httpStatusOf(refusal) < 500) {
        await this.requests.complete(userId, key, claimId, httpStatusOf(refusal), refusal);
      } else {
        await this.requests.release(userId, key, claimId);
      }
      throw error;
    }
  }
}

function leaseText(ms: number): string {
  return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000}分` : `${Math.ceil(ms / 1000)}秒`;
}

/** Refusals are kept as such; an answer kept before they were (a bare message) replays as `request.invalid`. */
function storedRefusal(response: unknown): Refusal {
  return isRefusal(response) ? response : { code: 'request.invalid', message: String((response as { message?: unknown } | null)?.message ?? '') };
}

/** What tells a repeat of a request from another request under the same key: method, path and query, body. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(JSON.stringify([method, url, withoutSecrets(body ?? null)])).digest('hex');
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
