import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from './common/validation.pipe';

export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';

/** Everything main.ts and the tests both need, so the tests exercise the API as it is served. */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('北九州市 市政変革 ワークフローエンジン API')
      .setDescription('Kitakyushu administrative-reform workflow and approval engine. Every operation states who may call it.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
  return app;
}
