import { request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface UnhurriedAnswer {
  readonly status: number;
  /** From sending until the status line arrived: an API that answers before its work is done shows it here. */
  readonly headersMs: number;
  /** From sending until the whole body arrived. */
  readonly ms: number;
  readonly text: string;
}

/**
 * One JSON request with no deadline on the client's side. Node's fetch gives up after five minutes
 * without an answer; a bulk kickoff of thousands may take longer, and how long it takes is the finding.
 */
export function requestWithoutDeadline(method: string, url: string, token: string, body: object): Promise<UnhurriedAnswer> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const outgoing = request(
      url,
      { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (response) => {
        const headersMs = performance.now() - started;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headersMs, ms: performance.now() - started, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}
