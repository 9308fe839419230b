import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { Params } from 'nestjs-pino';
import pino, { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';

/** One JSON line per event on stdout, tagged with the process that wrote it. */
export function createLogger(service: string, level: string): Logger {
  return pino({ level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}

/**
 * nestjs-pino settings: every HTTP log line carries the request id, taken from the caller's
 * X-Request-Id when it sends one and echoed back in the response.
 */
export function loggerModuleParams(service: string, level: string): Params {
  return {
    // Express 5 route syntax; the library's default '*' draws a deprecation warning.
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      logger: createLogger(service, level),
      genReqId: (request: IncomingMessage, response: ServerResponse) => {
        const incoming = request.headers[REQUEST_ID_HEADER];
        const id = typeof incoming === 'string' && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
        response.setHeader(REQUEST_ID_HEADER, id);
        return id;
      },
      customAttributeKeys: { reqId: 'requestId' },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      // A calendar subscription carries its credential in the URL (calendar apps send no headers).
      serializers: { req: (request: { url?: string }) => ({ ...request, url: request.url?.replace(/([?&]feed=)[^&]*/, '$1[Redacted]') }) },
      autoLogging: { ignore: (request) => request.url === '/api/v1/health' },
    },
  };
}
