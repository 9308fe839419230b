import { refusal, Refusal, RefusalCode, tooDeepInputProblem } from '@app/domain';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Server, STATUS_CODES } from 'node:http';
import { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, problemOf } from './problem-details';
import { invalidFields } from './validation.pipe';

/**
 * The largest body a valid request needs: a report of 100,000 characters, each up to 4 bytes in
 * UTF-8, with its title and JSON's escapes. Anything larger is refused with 413 before it is read.
 */
export const JSON_BODY_LIMIT = '1mb';

/**
 * What any request with a body can be refused for before an operation is chosen: a body that is not
 * JSON, not readable as JSON, or larger than the limit. The OpenAPI document says so once for all.
 */
export const BODY_REFUSALS = ['request.invalid', 'request.too-large', 'request.unsupported-media-type'] as const satisfies readonly RefusalCode[];

const hasBody = (request: Request) => Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/** Writes a problem as the answer: for the exception filter, and for middleware, which it does not reach. */
export function sendProblem(request: Request, response: Response, answer: Refusal, status?: number): void {
  const problem = problemOf(answer, request.path, status);
  if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
  if (answer.retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(answer.retryAfterSeconds));
  response.status(problem.status).setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  response.send(JSON.stringify(problem));
}

/** The API reads JSON only: a form or text body could otherwise reach a handler in a shape no DTO expects. */
function onlyJsonBodies(request: Request, response: Response, next: NextFunction): void {
  if (!isApiPath(request.path) || !hasBody(request) || request.is('application/json')) return next();
  sendProblem(
    request,
    response,
    refusal('request.unsupported-media-type', `本文は Content-Type: application/json の JSON で送ってください（受け取った形式: ${request.headers['content-type'] ?? 'なし'}）`),
  );
}

/**
 * JSON nested deeper than any valid request is refused as soon as it is read: the Idempotency-Key's
 * fingerprint and the pipes walk a body, and one nested thousands deep would overflow the stack (500).
 */
function shallowBodies(request: Request, response: Response, next: NextFunction): void {
  const problem = isApiPath(request.path) ? tooDeepInputProblem(request.body) : null;
  if (!problem) return next();
  sendProblem(request, response, invalidFields([problem]).refusal);
}

/** The API's limit on a request's header section (the request line and the headers), as people are told it. */
const HEADER_SECTION_LIMIT_BYTES = 16 * 1024;
const HEADERS_TOO_LARGE_MESSAGE = `要求の URL とヘッダーは合わせて ${HEADER_SECTION_LIMIT_BYTES / 1024} kB までです。検索条件などを短くしてください`;

/**
 * How much of a header section Node's parser reads before it refuses the request itself. Above the
 * API's limit, so that a request just past it reaches the middleware below, which knows its path:
 * Node, refusing, holds only the last piece of the request that arrived, which under load need not
 * begin with the request line.
 */
const PARSER_HEADER_SECTION_BYTES = 64 * 1024;

/** The request line and headers as they arrived, in bytes. */
function headerSectionBytes(request: Request): number {
  let bytes = Buffer.byteLength(`${request.method} ${request.originalUrl} HTTP/${request.httpVersion}\r\n\r\n`);
  for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
    bytes += Buffer.byteLength(request.rawHeaders[index]) + Buffer.byteLength(request.rawHeaders[index + 1]) + 4;
  }
  return bytes;
}

/** The API's limit on the header section, answered with the request's path. */
function headerSectionWithinLimit(request: Request, response: Response, next: NextFunction): void {
  if (headerSectionBytes(request) <= HEADER_SECTION_LIMIT_BYTES) return next();
  sendProblem(request, response, refusal('request.headers-too-large', HEADERS_TOO_LARGE_MESSAGE));
}

/** The path of a request Node could not parse, as far as it can be read from the bytes received. */
const pathOfRawRequest = (raw: Buffer | undefined) => /^[A-Z]+ (\/[^ ?]{0,2000})/.exec(raw?.toString('latin1') ?? '')?.[1] ?? '/';

/**
 * Requests Node's HTTP parser refuses before Express sees them — a URL and headers past Node's limit,
 * bytes that are not HTTP — are answered in the API's one error shape too, instead of Node's bare status
 * line. A request that timed out keeps Node's own answer, as does a connection already answering.
 */
function answerUnparsableRequests(server: Server): void {
  server.on('clientError', (error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex & { _httpMessage?: { headersSent?: boolean } }) => {
    if (!socket.writable || socket._httpMessage?.headersSent || error.code === 'ECONNRESET' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' && socket.writable) socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
      else socket.destroy();
      return;
    }
    const answer =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? refusal('request.headers-too-large', HEADERS_TOO_LARGE_MESSAGE)
        : refusal('request.invalid', '要求を HTTP として読み取れません。ヘッダーに使えない文字がないか、本文の長さの指定が正しいか確認してください');
    const problem = problemOf(answer, pathOfRawRequest(error.rawPacket));
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/**
 * Transport rules for every answer: security headers (helmet; the web app's pages and Swagger UI set
 * their own Content-Security-Policy), no X-Powered-By, JSON-only bodies within the size and nesting limits,
 * the one error shape also for what Node's HTTP parser refuses, and compression for clients that accept it
 * (a page of the board is 80 kB of JSON, repeating its labels, and 2 kB compressed).
 * HSTS is left to the TLS-terminating proxy, which knows whether the site is served over HTTPS.
 */
export function guardHttp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  const server = express.getHttpServer() as Server & { maxHeaderSize?: number };
  // `http.createServer`'s option, kept on the server and read at each new connection; Nest does not pass it on.
  server.maxHeaderSize = PARSER_HEADER_SECTION_BYTES;
  answerUnparsableRequests(server);
  express.disable('x-powered-by');
  express.use(
    helmet({
      contentSecurityPolicy: false,
      strictTransportSecurity: false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
      crossOriginResourcePolicy: { policy: 'same-origin' },
    }),
  );
  express.use((_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    next();
  });
  express.use(headerSectionWithinLimit);
  express.use(compression());
  express.use(onlyJsonBodies);
  express.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  express.use(shallowBodies);
}
