/**
 * `npm start`: the whole system on embedded defaults. Provides PostgreSQL and Temporal (or uses
 * DATABASE_URL / TEMPORAL_ADDRESS), prepares both, runs the worker and the API, restarts whichever
 * part dies, and stops all of it on Ctrl-C, SIGTERM or SIGHUP, or when a part keeps dying.
 */
import { ConfigurationError, describeNotificationChannels, loadEnvironment, notificationSettings, temporalConnectionSettings } from '@app/config';
import { join, resolve, sep } from 'node:path';
import { prepareSystem } from '../../apps/setup/src/prepare-system';
import { runsAsRoot } from '../infra/embedded-postgres-package';
import { postgresDataDir } from '../infra/postgres-data-dir';
import { privateFolder } from '../infra/private-files';
import { ServerHostProcess } from '../infra/server-host-process';
import { Supervisor } from '../infra/supervisor';
import { demoProgrammeUnderWay, demoYearPresent } from '../demo/demo-programme';
import { ApiClient } from '../http/api-client';
import { ChildService } from './child-service';
import { localJwtSecret, localPayloadKeys } from './local-secrets';
import { waitForHealth } from './wait-for-health';

// A closed terminal (SIGHUP) must not turn the next line into a crash halfway through stopping.
process.stdout.on('error', () => {});
const say = (line: string) => process.stdout.write(`${line}\n`);
const distRoot = join(__dirname, '../..');
const STOP_TIMEOUT_MS = 20_000;

async function main(): Promise<void> {
  const environment = loadEnvironment();
  const dataDir = resolve(environment.DATA_DIR);
  const stops: { name: string; stop: () => Promise<void> }[] = [];
  let stopping = false;
  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    say('Stopping…');
    for (const { name, stop } of [...stops].reverse()) {
      await withTimeout(stop(), STOP_TIMEOUT_MS).catch((error: unknown) => say(`  ${name}: ${String(error)}`));
    }
    say('Stopped.');
    process.exit(exitCode);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(0));

  try {
    const postgresData = environment.DATABASE_URL ? null : postgresDataDir(dataDir);
    if (postgresData?.note) say(`PostgreSQL data goes to ${postgresData.path}: ${postgresData.note} (a DATA_DIR it can enter keeps it there instead)`);
    // Only its owner reads DATA_DIR; run as root, the postgres user may pass through to its own data inside.
    privateFolder(dataDir, { traversable: runsAsRoot() && postgresData !== null && postgresData.path.startsWith(dataDir + sep) });
    const logDir = privateFolder(join(dataDir, 'logs'));
    const servers = await ServerHostProcess.start(
      join(distRoot, 'tools/infra/server-host.js'),
      {
        postgres: postgresData
          ? { dataDir: postgresData.path, preferredPort: environment.EMBEDDED_POSTGRES_PORT, database: 'reform', logFile: join(logDir, 'postgres.log') }
          : undefined,
        temporal: {
          address: environment.TEMPORAL_ADDRESS,
          cliPath: environment.TEMPORAL_CLI_PATH,
          namespace: environment.TEMPORAL_NAMESPACE,
          dbFilename: join(dataDir, 'temporal.sqlite'),
          preferredPort: environment.EMBEDDED_TEMPORAL_PORT,
          preferredUiPort: environment.EMBEDDED_TEMPORAL_UI_PORT,
          logFile: join(logDir, 'temporal.log'),
        },
      },
      { onMessage: say },
    );
    stops.push({ name: 'PostgreSQL and Temporal', stop: () => servers.close() });
    void servers.exited.then((code) => {
      if (stopping) return;
      say(`PostgreSQL and Temporal are gone (their host ended with exit code ${code}); stopping everything.`);
      void stopAll(1);
    });
    const databaseUrl = environment.DATABASE_URL ?? servers.ready.databaseUrl!;
    if (environment.DATABASE_URL) say('PostgreSQL: external server (DATABASE_URL)');
    servers.ready.descriptions.forEach(say);
    const temporal = { address: servers.ready.temporalAddress, uiUrl: servers.ready.temporalUiUrl };

    const payloadKeyFile = join(dataDir, 'temporal-payload-keys');
    const childEnvironment: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      JWT_SECRET: environment.JWT_SECRET ?? localJwtSecret(join(dataDir, 'jwt-secret')),
      TEMPORAL_PAYLOAD_KEYS: environment.TEMPORAL_PAYLOAD_KEYS ?? localPayloadKeys(payloadKeyFile),
      // The launcher is the development set-up: the published admin password is allowed here only.
      NODE_ENV: environment.NODE_ENV ?? 'development',
      WORKFLOW_BUNDLE_PATH: environment.WORKFLOW_BUNDLE_PATH ?? join(distRoot, 'workflow-bundle.js'),
    };
    // Set-up connects as the API and the worker will: the same TLS settings and payload keys.
    const temporalSettings = temporalConnectionSettings(loadEnvironment(childEnvironment));
    say(
      `Temporal: payloads encrypted with key "${temporalSettings.payloadKeys.currentKeyId}" ` +
        (environment.TEMPORAL_PAYLOAD_KEYS ? '(TEMPORAL_PAYLOAD_KEYS)' : `(generated, kept in ${payloadKeyFile})`),
    );
    await prepareSystem({ databaseUrl, temporal: temporalSettings, taskQueue: environment.TEMPORAL_TASK_QUEUE }, say, {
      demoData: environment.DEMO_DATA,
    });

    const services = [
      new ChildService('worker', 'The worker', join(distRoot, 'apps/worker/src/main.js'), childEnvironment, logDir, say),
      new ChildService('api', 'The API', join(distRoot, 'apps/api/src/main.js'), childEnvironment, logDir, say),
    ];
    for (const service of services) {
      const supervisor = await Supervisor.start(service, {
        say,
        gaveUp: (reason) => {
          if (stopping) return;
          say(`${reason}; stopping everything. Last lines of ${service.logFile}:`);
          service.lastLines.slice(-10).forEach((line) => say(`  ${line}`));
          void stopAll(1);
        },
      });
      stops.push({
        name: service.name,
        stop: async () => {
          await supervisor.stop();
          service.closeLog();
        },
      });
    }

    const apiBase = `http://localhost:${environment.PORT}`;
    await waitForHealth(`${apiBase}/api/v1/health`, () => !stopping);
    if (environment.DEMO_DATA) await putDemoProgrammeUnderWay(`${apiBase}/api/v1`);
    const temporalUi = environment.TEMPORAL_UI_URL ?? temporal.uiUrl;
    const logs = [...services.map((service) => service.logFile), ...(postgresData ? [join(logDir, 'postgres.log')] : []), ...(environment.TEMPORAL_ADDRESS ? [] : [join(logDir, 'temporal.log')])];
    say('');
    say('Kitakyushu reform engine is running.');
    say(`  Web app       ${apiBase}/`);
    say(`  API           ${apiBase}/api/v1`);
    say(`  OpenAPI UI    ${apiBase}/api/docs`);
    say(`  Temporal UI   ${temporalUi ?? '(not known: set TEMPORAL_UI_URL)'}`);
    say(`  Log in        POST ${apiBase}/api/v1/auth/login  {"username":"admin","password":<ADMIN_PASSWORD, default "reform-admin">}`);
    say(`                then send "Authorization: Bearer <accessToken>"; in the OpenAPI UI use the Authorize button`);
    say(`  Notifications ${describeNotificationChannels(notificationSettings(environment)).replace(/^notifications: /, '')}`);
    say(`  Logs          ${logs.join(', ')}`);
    say(`  Data          ${dataDir} (kept across restarts; readable by its owner only)`);
    say('Press Ctrl-C to stop.');
  } catch (error) {
    if (stopping) return;
    say(error instanceof ConfigurationError ? error.message : `Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
}

/**
 * DEMO_DATA: the first start puts this fiscal year's programme under way through the API, as the demo
 * users would, so every page has content; a later start finds the year there and leaves it as it is.
 */
async function putDemoProgrammeUnderWay(apiBase: string): Promise<void> {
  const api = new ApiClient(apiBase);
  const now = new Date();
  if (await demoYearPresent(api, now)) {
    say('Demo data: this fiscal year is there already, left as it is');
    return;
  }
  say('Demo data: putting this fiscal year\'s analyses, X policies and Platinum project under way through the API…');
  const fiscalYear = await demoProgrammeUnderWay(api, now, (line) => say(`  ${line}`));
  say(`Demo data: FY${fiscalYear} under way`);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer after ${ms / 1000} s`)), ms).unref())]);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigurationError ? error.message : String(error)}\n`);
  process.exit(1);
});
