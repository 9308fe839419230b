import { Agent, IncomingMessage, request } from 'node:http';
import { Agent as TlsAgent, request as tlsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';

export interface TimedResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  /** From sending the request until the whole response body has arrived. */
  readonly ms: number;
  /** The Retry-After header in seconds, when the answer has one. */
  readonly retryAfterSeconds?: number;
}

const DECODERS: Record<string, (compressed: Buffer) => Promise<Buffer>> = {
  gzip: promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
};

/**
 * A plain HTTP client for the listening API, timing every call. It asks for compressed answers, as a
 * browser does, and keeps its connections open. Built on `node:http` rather than Node's fetch: the
 * benchmark's clients share the machine with what they measure, and fetch spent three to four times
 * the CPU per call (0.7–0.95 ms against 0.2–0.35 ms on two cores).
 */
export class ApiClient {
  private readonly inFlight = new Set<{ abort(reason: Error): void }>();
  private stopped: Error | null = null;
  private readonly secure: boolean;
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 60_000,
  ) {
    this.secure = baseUrl.startsWith('https:');
    this.agent = this.secure ? new TlsAgent({ keepAlive: true }) : new Agent({ keepAlive: true });
  }

  /** Cancels the calls in flight and refuses new ones, so the API can stop without fresh work arriving. */
  abort(): void {
    this.stopped = new Error('the client is stopping');
    for (const call of this.inFlight) call.abort(this.stopped);
    this.agent.destroy();
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
    if (this.stopped) throw this.stopped;
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string | number> = { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    const started = performance.now();
    const response = await this.exchange(method, path, headers, payload);
    const text = await decoded(response);
    const ms = performance.now() - started;
    if (options.expect !== undefined && response.status !== options.expect) {
      throw new Error(`${method} ${path} answered ${response.status} instead of ${options.expect}: ${text.slice(0, 500)}`);
    }
    const retryAfter = Number(response.headers['retry-after'] ?? NaN);
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, ms, ...(Number.isFinite(retryAfter) ? { retryAfterSeconds: retryAfter } : {}) };
  }

  /** Sends one request and collects its answer's bytes, within the client's time limit. */
  private exchange(method: string, path: string, headers: Record<string, string | number>, payload: string | undefined): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      const outgoing = (this.secure ? tlsRequest : request)(`${this.baseUrl}${path}`, { method, headers, agent: this.agent }, (incoming: IncomingMessage) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', fail);
        incoming.on('end', () => {
          settle();
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, bytes: Buffer.concat(chunks) });
        });
      });
      const call = { abort: (reason: Error) => outgoing.destroy(reason) };
      const timer = setTimeout(() => call.abort(new Error(`${method} ${path} got no answer within ${this.timeoutMs / 1000} s`)), this.timeoutMs);
      const settle = () => {
        clearTimeout(timer);
        this.inFlight.delete(call);
      };
      function fail(error: Error) {
        settle();
        reject(error);
      }
      this.inFlight.add(call);
      outgoing.on('error', fail);
      outgoing.end(payload);
    });
  }
}

interface RawAnswer {
  readonly status: number;
  readonly headers: IncomingMessage['headers'];
  readonly bytes: Buffer;
}

async function decoded(answer: RawAnswer): Promise<string> {
  const encoding = String(answer.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decode = DECODERS[encoding];
  return (decode ? await decode(answer.bytes) : answer.bytes).toString('utf8');
}
