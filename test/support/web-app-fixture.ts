import { DEMO_PASSWORD, prepareDatabase } from '@app/persistence';
import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { Client as PgClient } from 'pg';
import { Browser } from 'playwright-core';
import { hashPassword } from '@app/security';
import { startApi } from './api-harness';
import { launchChromium } from '../../tools/browser/chromium';
import { createTestDatabase, TestDatabase, testTemporalAddress, uniqueName } from './test-environment';
import { RunningWorker, startWorker } from './worker-harness';

export interface WebAppFixture {
  readonly app: INestApplication;
  readonly baseUrl: string;
  readonly browser: Browser;
  readonly pg: PgClient;
  close(): Promise<void>;
}

/**
 * The system as `npm start` with DEMO_DATA=true serves it (API with the built web app, worker,
 * PostgreSQL, Temporal), listening on a free port, and a Chromium to look at it with.
 */
export async function startWebAppFixture(): Promise<WebAppFixture> {
  const database: TestDatabase = await createTestDatabase({ prepare: false });
  await prepareDatabase(database.url, { demoData: { hashPassword } });
  const temporalAddress = testTemporalAddress();
  const taskQueue = uniqueName('queue');
  const [app, worker, browser]: [INestApplication, RunningWorker, Browser] = await Promise.all([
    startApi({ databaseUrl: database.url, temporalAddress, taskQueue }),
    startWorker({ databaseUrl: database.url, temporalAddress, taskQueue }),
    launchChromium(),
  ]);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const pg = new PgClient({ connectionString: database.url });
  await pg.connect();
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    pg,
    close: async () => {
      await browser.close();
      await pg.end();
      await worker.stop();
      await app.close();
      await database.drop();
    },
  };
}

export { DEMO_PASSWORD };
