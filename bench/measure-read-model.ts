import { overdueBeforeKickoff, unwrittenReports } from '@app/domain';
import { CatalogueRepository, FiscalYearSettingsRepository, LifecycleReadRepository, MeetingRepository } from '@app/persistence';
import { BenchContext } from './context';
import { OFFICE } from './organisation';
import { planSummaries, queriesSentDuring } from './query-plans';
import { count, ms, ResultRow } from './report';
import { summarise, Summary } from './statistics';

const SAMPLES = 200;
const WARM_UP = 10;
const GOAL_P95_MS = 20;
const READ_MODEL_TABLES = ['clusters', 'owed_actions', 'audit_events'];

/**
 * Row 8: the reads the 進捗ボード makes, at 10,000 clusters: the first page of the cluster list, the
 * list filtered by bureau and by 期限超過 (judged on the whole year), and the progress view. Each is
 * called in turn, one call at a time, after warm-up calls.
 */
export async function measureReadModel(context: BenchContext, fiscalYear: number, clusters: number): Promise<ResultRow> {
  const catalogue = new CatalogueRepository(context.dataSource);
  const lifecycle = new LifecycleReadRepository(context.dataSource);
  const firstPage = { page: 1, pageSize: 100 };
  const overdueNow = await overdueCondition(context, fiscalYear);
  // Beside each read, the read-model calls the API's service makes for it, to send its statements again under EXPLAIN.
  const reads = [
    { label: 'list', path: `/fiscal-years/${fiscalYear}/clusters?pageSize=100`, statements: () => catalogue.listClusters(fiscalYear, {}, firstPage) },
    { label: 'by bureau', path: `/fiscal-years/${fiscalYear}/clusters?pageSize=100&bureau=kankyo`, statements: () => catalogue.listClusters(fiscalYear, { bureau: 'kankyo' }, firstPage) },
    { label: 'overdue', path: `/fiscal-years/${fiscalYear}/clusters?pageSize=100&overdue=true`, statements: () => catalogue.listClusters(fiscalYear, { overdue: overdueNow }, firstPage) },
    {
      label: 'progress',
      path: `/fiscal-years/${fiscalYear}/progress`,
      statements: () => Promise.all([lifecycle.progressByCategory(fiscalYear), lifecycle.progressByBureau(fiscalYear), lifecycle.openItems(fiscalYear)]),
    },
  ];
  context.progress(`[row 8] ${reads.length} reads of FY${fiscalYear} (${count(clusters)} clusters): ${WARM_UP} warm-up rounds, then ${SAMPLES} calls of each, in turn…`);
  const { token } = context.user(OFFICE);
  const samples = reads.map(() => [] as number[]);
  for (let round = 0; round < WARM_UP + SAMPLES; round += 1) {
    for (const [index, read] of reads.entries()) {
      const response = await context.api.call('GET', read.path, { token, expect: 200 });
      if (round >= WARM_UP) samples[index].push(response.ms);
    }
  }
  const summaries = samples.map((values) => summarise(values));
  // How PostgreSQL answers each read: the statements one call sends, run again under EXPLAIN ANALYZE.
  const plans: string[] = [];
  for (const read of reads) {
    const sent = await queriesSentDuring(read.statements);
    const summaries = await planSummaries(context.pg, sent, READ_MODEL_TABLES);
    plans.push(`${read.label}: ${summaries.map((plan) => `${plan.executionMs.toFixed(2)} ms (${plan.scans.join(', ')})`).join('; ')}`);
  }
  const line = (read: { label: string }, summary: Summary) => `${read.label}: p50 ${ms(summary.p50)}  p95 ${ms(summary.p95)}`;
  return {
    id: '8',
    measurement: `cluster list and progress view from the read model at ${count(clusters)} clusters`,
    result: reads.map((read, index) => line(read, summaries[index])),
    goal: '',
    checks: reads.map((read, index) => ({ goal: `${read.label} p95 < ${GOAL_P95_MS} ms`, met: summaries[index].p95 < GOAL_P95_MS })),
    notes: [
      `FY${fiscalYear}, generated: ${count(clusters)} clusters, one in ten flagged and none kicked off, so those are 期限超過 for their kickoff (the year is past).`,
      `${reads.map((read) => `${read.label} = GET …${read.path.replace(/^\/fiscal-years\/\d+/, '')}`).join('; ')}; as the reform office, timed at the HTTP client, n ${SAMPLES} each.`,
      "EXPLAIN ANALYZE of the read-model statements behind each read, sent again through the API's repositories from here (execution time in PostgreSQL, and how it reaches each table):",
      ...plans.map((plan) => `  ${plan}`),
    ],
  };
}

/** The 期限超過 condition the API gives the query: the domain's verdicts on the year's calendar, now. */
async function overdueCondition(context: BenchContext, fiscalYear: number) {
  const settings = new FiscalYearSettingsRepository(context.dataSource);
  const [meetings, calendarSettings, lifecycle] = await Promise.all([
    new MeetingRepository(context.dataSource).list(fiscalYear),
    settings.calendarSettings(fiscalYear),
    settings.lifecycleSettings(fiscalYear),
  ]);
  const at = new Date().toISOString();
  const unwritten = lifecycle ? unwrittenReports(lifecycle) : [];
  return { overdue: true, at, beforeKickoff: overdueBeforeKickoff({ meetings, settings: calendarSettings }, unwritten, at) };
}
