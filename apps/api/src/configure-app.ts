import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Express } from 'express';
import { Logger } from 'nestjs-pino';
import { FieldProblemView, PROBLEM_TYPE_PREFIX, ProblemDetailsView } from './common/problem-details';
import { documentAuthenticatedOperations } from './common/authenticated-operations.document';
import { BODY_REFUSALS, guardHttp } from './common/http-guards';
import { StorableInputPipe } from './common/storable-input.pipe';
import { createValidationPipe } from './common/validation.pipe';
import { serveWebApp } from './web-app/web-app.middleware';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';

export interface ServingOptions {
  /** TRUSTED_PROXIES: the balancers whose X-Forwarded-For names the client; none by default. */
  readonly trustedProxies?: readonly string[];
}

/** Everything main.ts and the tests both need, so the tests exercise the API as it is served. */
export function configureApp(app: INestApplication, { trustedProxies = [] }: ServingOptions = {}): INestApplication {
  app.useLogger(app.get(Logger));
  // The client's address (the login limit counts by it) is taken from X-Forwarded-For only when a trusted balancer set it.
  if (trustedProxies.length > 0) (app.getHttpAdapter().getInstance() as Express).set('trust proxy', [...trustedProxies]);
  app.setGlobalPrefix(API_PREFIX);
  guardHttp(app);
  app.useGlobalPipes(new StorableInputPipe(), createValidationPipe());
  app.enableShutdownHooks();
  serveWebApp(app);
  SwaggerModule.setup(DOCS_PATH, app, createOpenApiDocument(app), { jsonDocumentUrl: `${DOCS_PATH}-json` });
  return app;
}

/** The API's OpenAPI document, as served at /api/docs-json and as the web app's client types are generated from. */
export function createOpenApiDocument(app: INestApplication) {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('北九州市 市政変革 ワークフローエンジン API')
      .setDescription(
        'Kitakyushu administrative-reform workflow and approval engine. Every operation states who may call it. ' +
          `Every error is an RFC 9457 problem (application/problem+json) whose \`code\` is a stable reason code and whose \`type\` is ${PROBLEM_TYPE_PREFIX}<code>; each operation lists the codes it can answer with. ` +
          'Besides those, any request can be refused before an operation is chosen: 431 `request.headers-too-large` for a URL and headers past 16 kB, 400 `request.invalid` for bytes that are not HTTP, ' +
          `and, when it carries a body, ${BODY_REFUSALS.map((code) => `\`${code}\``).join(', ')} for one that is not JSON, unreadable or too large; ` +
          'and any request can get 503 `database.unavailable` or `temporal.unavailable` (with Retry-After) while PostgreSQL or Temporal is out of reach.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addCookieAuth('reform_session')
      .build(),
    { extraModels: [ProblemDetailsView, FieldProblemView] },
  );
  return documentAuthenticatedOperations(document);
}
