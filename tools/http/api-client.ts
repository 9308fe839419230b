import { performance } from 'node:perf_hooks';

export interface TimedResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  /** From sending the request until the whole response body has arrived. */
  readonly ms: number;
  /** The Retry-After header in seconds, when the answer has one. */
  readonly retryAfterSeconds?: number;
}

/** A plain HTTP client (Node's fetch, keep-alive) for the listening API, timing every call. */
export class ApiClient {
  private readonly stopped = new AbortController();

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 60_000,
  ) {}

  /** Cancels the calls in flight and refuses new ones, so the API can stop without fresh work arriving. */
  abort(): void {
    this.stopped.abort(new Error('the client is stopping'));
  }

  async login(username: string, password: string): Promise<string> {
    const response = await this.call<{ accessToken: string }>('POST', '/auth/login', { body: { username, password }, expect: 200 });
    return response.body.accessToken;
  }

  /** Throws with the answer when the status is not the expected one. */
  /** `headers` go out as given, e.g. `Idempotency-Key` and `If-Match` as the web app sends them. */
  async call<T = unknown>(
    method: string,
    path: string,
    options: { token?: string; body?: object; expect?: number; headers?: Record<string, string> } = {},
  ): Promise<TimedResponse<T>> {
    this.stopped.signal.throwIfAborted();
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: AbortSignal.any([this.stopped.signal, timeout]),
      });
      text = await response.text();
    } catch (error) {
      if (timeout.aborted) throw new Error(`${method} ${path} got no answer within ${this.timeoutMs / 1000} s`);
      throw error;
    }
    const ms = performance.now() - started;
    if (options.expect !== undefined && response.status !== options.expect) {
      throw new Error(`${method} ${path} answered ${response.status} instead of ${options.expect}: ${text.slice(0, 500)}`);
    }
    const retryAfter = Number(response.headers.get('retry-after') ?? NaN);
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, ms, ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}) };
  }
}
