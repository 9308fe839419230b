/**
 * `npm run bench`: how the engine's cost grows with its work, as one table of ten rows, each beside
 * its goal. It times `npm start`'s launcher first, then starts a fresh embedded PostgreSQL and Temporal
 * dev server, the worker and the API each in a process of its own as `npm start` runs them (and, in this
 * process, a worker for the floor's no-op workflow),
 * and measures every other row on those same servers, in this order: the bulk kickoff of FY2024's 57
 * clusters (5); the floor beside one approval through the bare Update and through the API (1–3); the
 * bulk kickoff of 5,700 clusters (6), with the worker's memory before and after; moving a meeting 1,000
 * analyses are pegged to (7); 20 clients under sustained load (4); one cluster's whole year and its
 * history (9); the read model at 10,000 clusters (8); and the 進捗ボード in Chromium, as rows after the ten.
 *
 *   --long          row 4 runs 10 minutes instead of 2
 *   --only 4,8      only these rows, and the rows they need (4 and 9 need 6's year; 1–3 need 5)
 *   --board-only    the board's rows alone
 *
 * Everything it starts is stopped at the end, on an error and on Ctrl-C.
 */
import { createDataSourceOptions, UserRepository } from '@app/persistence';
import { connectTemporalClient } from '@app/temporal';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { prepareSystem } from '../apps/setup/src/prepare-system';
import { ApiClient } from '../tools/http/api-client';
import { generateYear, LARGE_YEAR } from './bench-years';
import { BenchContext, CLUSTER_COUNT, KICKOFF_YEAR, SEED_YEAR } from './context';
import { startFloorWorker } from './floor-worker';
import { measureApprovals } from './measure-approvals';
import { measureBoard } from './measure-board';
import { measureHistory, MemoryGrowth } from './measure-history';
import { HUNDRED_CITIES_CLUSTERS, HUNDRED_CITIES_YEAR, KickoffRun, measureHundredCitiesKickoff, measureRealSizeKickoff, ROW_5_MEASUREMENT } from './measure-kickoff';
import { cpuCheckMs } from './cpu-check';
import { LOAD_MINUTES, measureSustainedLoad } from './measure-load';
import { measureMeetingMove } from './measure-meeting-move';
import { measureReadModel } from './measure-read-model';
import { measureWarmStart } from './measure-start';
import { BureauCode, createOrganisation, flagAllClusters, OFFICE } from './organisation';
import { machineDescription, notMeasured, ResultRow, resultNotes, resultsTable } from './report';
import { startBenchServers } from './servers';
import { Shutdown } from './shutdown';
import { cachedWorkflowLimit, startSystemProcesses } from './system-processes';
import { sampleMemory } from './worker-memory';

const TASK_QUEUE = 'reform-bench';
const distRoot = join(__dirname, '..');
/** Started through `npm run bench`, this process compiled everything first: its age now is that build's time. */
const buildMs = require.main?.filename.endsWith('bootstrap.js') ? process.uptime() * 1000 : null;
const benchStarted = performance.now();
const say = (line: string) => process.stdout.write(`${line}\n`);
const progress = (line: string) => say(`[${((performance.now() - benchStarted) / 1000).toFixed(1).padStart(6)} s] ${line}`);

/** What each row is and its goal, for a row that could not be measured. */
const ROWS: Record<string, { measurement: string; goal: string }> = {
  '1': { measurement: 'floor: a no-op Workflow Update on the same server (bench-only workflow)', goal: 'printed, as the reference' },
  '2': { measurement: 'one approval through the bare Workflow Update, read model written before it answers', goal: 'p50 ≤ 3 × floor' },
  '3': { measurement: 'the same approval through the API (HTTP, JWT, idempotency)', goal: 'p50 ≤ bare + 5 ms; p95 ≤ 1.5 × bare p95' },
  '4': { measurement: 'sustained load: 20 concurrent clients running report cycles on distinct clusters', goal: '≥ 15 cycles/s, 0 failures' },
  '5': { measurement: ROW_5_MEASUREMENT, goal: '< 1.5 s' },
  '6': { measurement: `bulk kickoff of ${HUNDRED_CITIES_CLUSTERS.toLocaleString('en-US')} clusters (a generated year)`, goal: '< 60 s, 0 failures' },
  '7': { measurement: 'moving one X meeting that 1,000 running analyses are pegged to', goal: '< 10 s' },
  '8': { measurement: 'cluster list and progress view from the read model at 10,000 clusters', goal: 'p95 < 20 ms' },
  '9': { measurement: "one cluster-year's history after a full lifecycle; worker memory per open analysis", goal: '≤ 500 events, ≤ 1 MB' },
  '10': { measurement: '`npm start` warm to healthy', goal: '< 20 s' },
};
/** Rows whose measurement needs another's: 1–3 approve on the clusters 5 kicks off, 4 and 9 act on 6's year. */
const NEEDS: Record<string, string[]> = { '1': ['5'], '2': ['1', '5'], '3': ['1', '5'], '4': ['6'], '9': ['6'] };

interface Options {
  readonly rows: ReadonlySet<string>;
  readonly board: boolean;
  readonly long: boolean;
}

function options(args: readonly string[]): Options {
  const long = args.includes('--long');
  if (args.includes('--board-only')) return { rows: new Set(), board: true, long };
  const onlyAt = args.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (onlyAt < 0) return { rows: new Set(Object.keys(ROWS)), board: true, long };
  const listed = (args[onlyAt].includes('=') ? args[onlyAt].split('=')[1] : (args[onlyAt + 1] ?? '')).split(',').map((id) => id.trim());
  const unknown = listed.filter((id) => !(id in ROWS));
  if (unknown.length > 0 || listed.length === 0) throw new Error(`--only takes row numbers 1–10 separated by commas, not "${listed.join(',')}"`);
  const rows = new Set<string>();
  const add = (id: string) => {
    if (rows.has(id)) return;
    rows.add(id);
    (NEEDS[id] ?? []).forEach(add);
  };
  listed.forEach(add);
  // The floor and both approval paths are measured side by side: one of them brings the others.
  if (['1', '2', '3'].some((id) => rows.has(id))) ['1', '2', '3'].forEach(add);
  return { rows, board: false, long };
}

/** Starts everything, measures, and returns the lines of the final report. */
async function run(shutdown: Shutdown, chosen: Options): Promise<string[]> {
  const atStart = { load: loadavg()[0], cpuCheckMs: cpuCheckMs() };
  const rows: ResultRow[] = [];
  /** Runs one measurement; a failure becomes the rows' "not measured" with the reason, unless the run is being stopped. */
  const attempt = async (ids: readonly string[], measure: () => Promise<ResultRow | ResultRow[]>): Promise<boolean> => {
    try {
      const measured = await measure();
      rows.push(...(Array.isArray(measured) ? measured : [measured]));
      return true;
    } catch (error) {
      if (shutdown.signal) throw error;
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      progress(`  not measured (${ids.join(', ')}): ${reason}`);
      rows.push(...ids.map((id) => notMeasured(id, ROWS[id]?.measurement ?? 'the 進捗ボード in Chromium', ROWS[id]?.goal ?? '', reason)));
      return false;
    }
  };
  const wanted = (id: string) => chosen.rows.has(id);

  if (wanted('10')) await attempt(['10'], () => measureWarmStart(distRoot, shutdown, progress, buildMs));

  const workflowBundlePath = join(distRoot, 'workflow-bundle.js');
  if (!existsSync(workflowBundlePath)) throw new Error(`${workflowBundlePath} is missing: run npm run build`);
  progress('Starting an embedded PostgreSQL and a Temporal dev server on free ports…');
  const servers = await startBenchServers(distRoot, shutdown, progress);
  servers.descriptions.forEach(progress);
  progress(`Data in ${servers.runDir} (removed at the end)`);
  await prepareSystem({ databaseUrl: servers.databaseUrl, temporal: servers.temporal, taskQueue: TASK_QUEUE }, progress);

  progress('Starting the worker and the API, each in a process of its own…');
  const system = await startSystemProcesses(
    {
      databaseUrl: servers.databaseUrl,
      temporalAddress: servers.temporal.address,
      namespace: servers.temporal.namespace,
      payloadKeys: servers.payloadKeys,
      taskQueue: TASK_QUEUE,
      workflowBundlePath,
    },
    distRoot,
    servers.runDir,
    shutdown,
    progress,
  );
  const { baseUrl } = system;
  const cacheLimit = cachedWorkflowLimit(system.workerLog);
  progress(`API listening at ${baseUrl}; the worker (pid ${system.workerPid}) keeps up to ${cacheLimit ?? 'an unknown number of'} workflows cached`);
  if (wanted('1')) {
    progress("Bundling the floor's no-op workflow and starting its worker…");
    await startFloorWorker(servers.temporal, shutdown);
  }
  const pg = new PgClient({ connectionString: servers.databaseUrl });
  await pg.connect();
  shutdown.add('the PostgreSQL client', () => pg.end());
  // The direct Updates go through the same data converter as the API's, so both paths pay for encryption.
  const temporal = await connectTemporalClient(servers.temporal);
  shutdown.add('the Temporal client', () => temporal.connection.close());
  const api = new ApiClient(baseUrl);
  // Registered last, so it runs first: no request of ours reaches the API while it stops.
  shutdown.add("the benchmark's HTTP calls", async () => api.abort());

  const dataSource = new DataSource(createDataSourceOptions(servers.databaseUrl, 2));
  await dataSource.initialize();
  shutdown.add("the benchmark's database pool", () => dataSource.destroy());
  const users = await createOrganisation(new UserRepository(dataSource), pg, api);
  progress(`Created and logged in ${users.size} users (reform office; staff, manager and director of 3 bureaus)`);
  await api.call('POST', '/fiscal-years', { token: users.get(OFFICE)?.token, body: { fiscalYear: KICKOFF_YEAR, copyFrom: SEED_YEAR }, expect: 201 });
  const owners = await flagAllClusters(pg, KICKOFF_YEAR);
  if (owners.size !== CLUSTER_COUNT) throw new Error(`FY${KICKOFF_YEAR} has ${owners.size} clusters, expected ${CLUSTER_COUNT}`);
  await flagAllClusters(pg, SEED_YEAR);
  progress(`FY${SEED_YEAR} copied to FY${KICKOFF_YEAR}; all ${owners.size} clusters of both flagged as analysed, each with an owning bureau`);

  const context: BenchContext = {
    api,
    baseUrl,
    pg,
    dataSource,
    temporal,
    owners,
    progress,
    user: (username) => {
      const found = users.get(username);
      if (!found) throw new Error(`no user ${username}`);
      return found;
    },
  };

  const kickedOff = wanted('5') && (await attempt(['5'], () => measureRealSizeKickoff(context)));
  if (wanted('1')) {
    if (kickedOff) await attempt(['1', '2', '3'], () => measureApprovals(context));
    else ['1', '2', '3'].forEach((id) => rows.push(notMeasured(id, ROWS[id].measurement, ROWS[id].goal, `it approves on the clusters row 5 kicks off, which failed`)));
  }

  let memory: MemoryGrowth | null = null;
  if (wanted('6')) {
    const sample = () => sampleMemory(system.workerPid, temporal, TASK_QUEUE, cacheLimit ?? Number.POSITIVE_INFINITY);
    const before = await sample();
    const six: { run: KickoffRun | null } = { run: null };
    await attempt(['6'], async () => {
      const { row, run } = await measureHundredCitiesKickoff(context);
      six.run = run;
      return row;
    });
    if (six.run && cacheLimit !== null) memory = { before, after: await sample(), kickedOff: six.run.shown, cacheLimit };
  }
  if (wanted('7')) await attempt(['7'], () => measureMeetingMove(context));

  // Rows 4 and 9 act on the clusters row 6 kicked off: 9 on the last of them, 4 on the others.
  const untouched = wanted('6') ? await kickedOffUntouched(context, HUNDRED_CITIES_YEAR) : new Map<number, BureauCode>();
  const lifecycle = [...untouched].pop();
  if (lifecycle) untouched.delete(lifecycle[0]);
  if (wanted('4')) {
    await attempt(['4'], () =>
      measureSustainedLoad(context, { fiscalYear: HUNDRED_CITIES_YEAR, clusters: untouched, minutes: chosen.long ? LOAD_MINUTES.long : LOAD_MINUTES.default }),
    );
  }
  if (wanted('9')) {
    await attempt(['9'], async () => {
      if (!lifecycle) throw new Error(`no FY${HUNDRED_CITIES_YEAR} cluster was kicked off in row 6`);
      return measureHistory(context, { fiscalYear: HUNDRED_CITIES_YEAR, no: lifecycle[0], bureau: lifecycle[1] }, memory);
    });
  }

  if (wanted('8') || chosen.board) {
    progress(`Generating FY${LARGE_YEAR.fiscalYear} with ${LARGE_YEAR.clusters.toLocaleString('en-US')} clusters…`);
    await generateYear(context, LARGE_YEAR.fiscalYear, LARGE_YEAR.clusters, 'every-tenth-generated');
  }
  if (wanted('8')) await attempt(['8'], () => measureReadModel(context, LARGE_YEAR.fiscalYear, LARGE_YEAR.clusters));
  if (chosen.board) await attempt(['B1'], () => measureBoard(context, new URL(baseUrl).origin, join(distRoot, 'web')));

  const ordered = [...rows].sort((a, b) => rowOrder(a.id) - rowOrder(b.id));
  return [
    '',
    `npm run bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: embedded PostgreSQL and Temporal dev server, the API and the worker in processes of their own`,
    '',
    ...resultsTable(ordered),
    'Latencies are wall-clock at the caller; p50/p95 are nearest-rank over the calls after warm-up. B rows: the 進捗ボード, after the ten.',
    '',
    'Notes',
    ...resultNotes(ordered),
    '',
    'Machine',
    ...machineDescription(atStart).map((line) => `  ${line}`),
    ...servers.descriptions.map((line) => `  ${line.replace(/, data in .*$/, '')}`),
  ];
}

/** Clusters of the year kicked off and not acted on since, with their owning bureaus, in number order. */
async function kickedOffUntouched(context: BenchContext, fiscalYear: number): Promise<Map<number, BureauCode>> {
  const { rows } = await context.pg.query<{ no: number; owning_bureau_code: BureauCode }>(
    `SELECT no, owning_bureau_code FROM clusters WHERE fiscal_year = $1 AND stage = 'KICKOFF' ORDER BY no`,
    [fiscalYear],
  );
  return new Map(rows.map((row) => [row.no, row.owning_bureau_code]));
}

const rowOrder = (id: string) => (id.startsWith('B') ? 100 + Number(id.slice(1)) : Number(id));

async function main(): Promise<number> {
  const shutdown = new Shutdown(say);
  shutdown.handleSignalsAndCrashes();
  let report: string[] = [];
  let exitCode = 0;
  try {
    report = await run(shutdown, options(process.argv.slice(2)));
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
  progress('Stopped; the temporary data folders are removed.');
  report.forEach(say);
  return exitCode;
}

void main().then((code) => process.exit(code));
