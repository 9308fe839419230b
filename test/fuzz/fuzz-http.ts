import { Agent, request as httpRequest } from 'node:http';
import { AnswerToCheck } from '../support/problem-details';
import { FuzzRequest } from './fuzz-request';

export interface Answer extends AnswerToCheck {
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body as received; `body` is it parsed, where it is JSON. */
  readonly text: string;
  readonly elapsedMs: number;
}

/** Longer than the 15 s an action may wait on Temporal: past it, the request hangs, which is a finding of its own. */
export const ANSWER_DEADLINE_MS = 30_000;

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

const parsed = (text: string, contentType: string): unknown => {
  if (!/json/.test(contentType)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Sends a request over a real socket, byte for byte as generated (supertest would normalise its path and
 * headers), with the caller's current token. Resolves with whatever comes back, or rejects when nothing does.
 */
export function send(origin: URL, request: FuzzRequest, tokenOf: (who: string) => string): Promise<Answer> {
  const { credential } = request;
  const token = credential.forged ?? (credential.who === 'anonymous' ? null : tokenOf(credential.who));
  const headers: Record<string, string | number> = { ...request.headers };
  if (token !== null) {
    if (credential.via === 'bearer') headers.Authorization = `Bearer ${token}`;
    else headers.Cookie = `reform_session=${token}`;
  }
  if (request.body) {
    if (request.body.contentType !== null) headers['Content-Type'] = request.body.contentType;
    headers['Content-Length'] = Buffer.byteLength(request.body.payload);
  }
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: origin.hostname, port: origin.port, method: request.method, path: request.target, headers, agent, timeout: ANSWER_DEADLINE_MS }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const contentType = incoming.headers['content-type'] ?? '';
        resolve({
          status: incoming.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(incoming.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value])),
          text,
          body: parsed(text, contentType),
          elapsedMs: performance.now() - started,
        });
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${ANSWER_DEADLINE_MS / 1000} s`)));
    outgoing.on('error', reject);
    outgoing.end(request.body?.payload);
  });
}

/** Lets the test file end without open sockets. */
export const closeConnections = () => agent.destroy();
