/**
 * `npm run bench`: a fresh embedded PostgreSQL and Temporal dev server, the API and the worker in
 * this process, and three measurements on the FY2024 catalogue:
 *   1. the bulk kickoff of all 57 clusters, and the time until the read model shows them;
 *   2. approval latency through the API next to the same Workflow Update sent directly;
 *   3. latency of the cluster list from the read model;
 *   4. the 進捗ボード in Chromium at 57 and at 10,000 clusters, and the initial JS size of the web app.
 * `npm run bench -- --board-only` runs the fourth alone.
 * Everything it starts is stopped at the end, on an error and on Ctrl-C.
 */
import { connectTemporalClient } from '@app/temporal';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { prepareSystem } from '../apps/setup/src/prepare-system';
import { ApiClient } from '../tools/http/api-client';
import { BenchContext, CLUSTER_COUNT, FISCAL_YEAR } from './context';
import { startInProcessSystem } from './in-process-system';
import { measureApprovals } from './measure-approvals';
import { measureBulkKickoff } from './measure-kickoff';
import { measureClusterList } from './measure-cluster-list';
import { measureBoard } from './measure-board';
import { createOrganisation, flagAllClusters } from './organisation';
import { machineDescription, resultsTable } from './report';
import { startBenchServers } from './servers';
import { Shutdown } from './shutdown';

const TASK_QUEUE = 'reform-bench';
const distRoot = join(__dirname, '..');
const benchStarted = performance.now();
const boardOnly = process.argv.includes('--board-only');
const say = (line: string) => process.stdout.write(`${line}\n`);
const progress = (line: string) => say(`[${((performance.now() - benchStarted) / 1000).toFixed(1).padStart(6)} s] ${line}`);

/** Starts everything, measures, and returns the lines of the final report. */
async function run(shutdown: Shutdown): Promise<string[]> {
  const loadAtStart = loadavg()[0];
  const workflowBundlePath = join(distRoot, 'workflow-bundle.js');
  if (!existsSync(workflowBundlePath)) throw new Error(`${workflowBundlePath} is missing: run npm run build`);

  progress('Starting an embedded PostgreSQL and a Temporal dev server on free ports…');
  const servers = await startBenchServers(distRoot, shutdown, progress);
  servers.descriptions.forEach(progress);
  progress(`Data in ${servers.runDir} (removed at the end)`);
  await prepareSystem({ databaseUrl: servers.databaseUrl, temporal: servers.temporal, taskQueue: TASK_QUEUE }, progress);

  progress('Starting the worker and the API in this process…');
  const { app, baseUrl } = await startInProcessSystem(
    { databaseUrl: servers.databaseUrl, temporal: servers.temporal, taskQueue: TASK_QUEUE, workflowBundlePath },
    shutdown,
    progress,
  );
  progress(`API listening at ${baseUrl}`);
  const pg = new PgClient({ connectionString: servers.databaseUrl });
  await pg.connect();
  shutdown.add('the PostgreSQL client', () => pg.end());
  // The direct Updates go through the same data converter as the API's, so both paths pay for encryption.
  const temporal = await connectTemporalClient(servers.temporal);
  shutdown.add('the Temporal client', () => temporal.connection.close());
  const api = new ApiClient(baseUrl);
  // Registered last, so it runs first: no request of ours reaches the API while it stops.
  shutdown.add("the benchmark's HTTP calls", async () => api.abort());

  const users = await createOrganisation(app, pg, api);
  progress(`Created and logged in ${users.size} users (reform office; staff, manager and director of 3 bureaus)`);
  const owners = await flagAllClusters(pg, FISCAL_YEAR);
  if (owners.size !== CLUSTER_COUNT) throw new Error(`FY${FISCAL_YEAR} has ${owners.size} clusters, expected ${CLUSTER_COUNT}`);
  progress(`Flagged all ${owners.size} FY${FISCAL_YEAR} clusters as analysed, each with an owning bureau`);

  const context: BenchContext = {
    api,
    pg,
    temporal,
    owners,
    progress,
    user: (username) => {
      const found = users.get(username);
      if (!found) throw new Error(`no user ${username}`);
      return found;
    },
  };
  const workflowRows = boardOnly ? [] : [...(await measureBulkKickoff(context)), ...(await measureApprovals(context)), ...(await measureClusterList(context))];
  const rows = [...workflowRows, ...(await measureBoard(context, new URL(baseUrl).origin, join(distRoot, 'web')))];

  return [
    '',
    `Results — FY${FISCAL_YEAR}, API and worker in one process, embedded PostgreSQL and Temporal dev server`,
    '',
    ...resultsTable(rows),
    'Latencies are wall-clock at the caller; p50/p95 are nearest-rank. Warm-up calls are not counted.',
    '',
    'Machine',
    ...machineDescription(loadAtStart).map((line) => `  ${line}`),
    ...servers.descriptions.map((line) => `  ${line.replace(/, data in .*$/, '')}`),
  ];
}

async function main(): Promise<number> {
  const shutdown = new Shutdown(say);
  shutdown.handleSignalsAndCrashes();
  let report: string[] = [];
  let exitCode = 0;
  try {
    report = await run(shutdown);
  } catch (error) {
    if (shutdown.signal) {
      // Interrupted: the signal handler is already stopping everything and ends the process.
      await shutdown.run();
      return 130;
    }
    say(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    exitCode = 1;
  }
  progress('Stopping the API, the worker, Temporal and PostgreSQL…');
  await shutdown.run();
  progress('Stopped; the temporary data folder is removed.');
  report.forEach(say);
  return exitCode;
}

void main().then((code) => process.exit(code));
