/**
 * The web app's API types, generated from the OpenAPI document the API itself builds, so the client
 * can never drift from the server. `node dist/tools/build/web-api-types.js` rewrites the file;
 * a test fails when it is stale.
 */
import { newPayloadKeyEntry, payloadKeysFrom } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ApiModule } from '../../apps/api/src/api.module';
import { API_PREFIX, createOpenApiDocument } from '../../apps/api/src/configure-app';

/** The checkout's root, whether this runs from source (tests) or from dist/. */
function checkoutRoot(from = __dirname): string {
  return existsSync(join(from, 'package.json')) ? from : checkoutRoot(dirname(from));
}

export const WEB_API_TYPES_PATH = join(checkoutRoot(), 'apps/web/src/api/schema.d.ts');

const HEADER = '// Generated from the API\'s OpenAPI document by tools/build/web-api-types.ts: do not edit; run `npm run api-types`.\n';

/** The API's document without a database or Temporal: preview mode builds the module graph but instantiates nothing. */
async function openApiDocument() {
  const app = await NestFactory.create(
    ApiModule.forRoot({
      databaseUrl: 'postgres://unused@127.0.0.1:1/unused',
      temporal: { address: '127.0.0.1:1', namespace: 'default', taskQueue: 'unused', tls: null, payloadKeys: payloadKeysFrom(newPayloadKeyEntry('unused')) },
      jwtSecret: 'unused-secret-only-for-building-the-document',
      adminPassword: { password: 'unused' },
      logLevel: 'silent',
      loginRateLimitPerMinute: 10_000,
    }),
    { preview: true, logger: false, abortOnError: false },
  );
  app.setGlobalPrefix(API_PREFIX);
  const document = createOpenApiDocument(app);
  await app.close();
  return document;
}

/** openapi-typescript runs as its own CLI: it needs ES modules, which jest's module system does not load. */
export async function renderWebApiTypes(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'web-api-types-'));
  try {
    const documentPath = join(dir, 'openapi.json');
    const typesPath = join(dir, 'schema.d.ts');
    writeFileSync(documentPath, JSON.stringify(await openApiDocument()));
    const cli = join(dirname(require.resolve('openapi-typescript')), '../bin/cli.js');
    execFileSync(process.execPath, [cli, documentPath, '--alphabetize', '--output', typesPath], { stdio: 'pipe' });
    return HEADER + readFileSync(typesPath, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void renderWebApiTypes().then((types) => {
    writeFileSync(WEB_API_TYPES_PATH, types);
    process.stdout.write(`wrote ${WEB_API_TYPES_PATH}\n`);
    process.exit(0);
  });
}
