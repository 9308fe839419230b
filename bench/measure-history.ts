import { clusterWorkflowId } from '@app/temporal';
import { temporal as proto } from '@temporalio/proto';
import { BenchContext } from './context';
import { OFFICE, BureauCode } from './organisation';
import { approveReport } from './report-actions';
import { count, ResultRow } from './report';
import type { MemorySample } from './worker-memory';

const SAVES_PER_REPORT = 10;
const GOALS = { events: 500, bytes: 1_000_000 };

export interface HistoryTarget {
  readonly fiscalYear: number;
  readonly no: number;
  readonly bureau: BureauCode;
}

/** The worker's memory before and after the analyses of a bulk kickoff opened. */
export interface MemoryGrowth {
  readonly before: MemorySample;
  readonly after: MemorySample;
  readonly kickedOff: number;
  /** The most workflows the worker keeps cached, as it said at start. */
  readonly cacheLimit: number;
}

/**
 * Row 9: one kicked-off cluster through its whole year through the API — every report saved ten
 * times, submitted and approved along the chain — then its workflow history as Temporal holds it,
 * summed over every run when it continued as new; beside it, the worker's memory per open analysis.
 */
export async function measureHistory(context: BenchContext, target: HistoryTarget, memory: MemoryGrowth | null): Promise<ResultRow> {
  const { progress } = context;
  const kinds = (await context.api.call<{ reportKinds: { slug: string }[] }>('GET', `/fiscal-years/${target.fiscalYear}/lifecycle-settings`, { token: context.user(OFFICE).token, expect: 200 }))
    .body.reportKinds.map((kind) => kind.slug);
  progress(`[row 9] Cluster ${target.no} of FY${target.fiscalYear} through its year: ${kinds.length} reports × (${SAVES_PER_REPORT} saves, submit, 3 approvals)…`);
  for (const kind of kinds) await approveReport(context, { ...target, kind }, SAVES_PER_REPORT);
  const { rows } = await context.pg.query<{ stage: string }>(`SELECT stage FROM clusters WHERE fiscal_year = $1 AND no = $2`, [target.fiscalYear, target.no]);
  if (rows[0].stage !== 'COMPLETED') throw new Error(`cluster ${target.no} is ${rows[0].stage} after every report was approved, not COMPLETED`);

  const runs = await historyOfEveryRun(context, clusterWorkflowId(target.fiscalYear, target.no));
  const events = runs.reduce((sum, run) => sum + run.events, 0);
  const bytes = runs.reduce((sum, run) => sum + run.bytes, 0);
  const actions = kinds.length * (SAVES_PER_REPORT + 1 + 3) + 1;
  progress(`  ${count(events)} events, ${count(bytes)} bytes in ${runs.length} run(s)`);
  const perAnalysis = memory && memory.after.cachedWorkflows > memory.before.cachedWorkflows ? memoryPerAnalysis(memory) : null;
  return {
    id: '9',
    measurement: `one cluster-year's history: events and bytes after a full lifecycle with ${SAVES_PER_REPORT} draft saves per report; worker memory per open analysis`,
    result: [
      `${count(events)} events, ${(bytes / 1024).toFixed(1)} kB (${runs.length} run${runs.length > 1 ? 's' : ''})`,
      perAnalysis ? `${perAnalysis.rssKiB.toFixed(0)} kB RSS per open analysis` : 'memory per analysis not measured',
      ...(perAnalysis ? [`(${count(perAnalysis.analyses)} cached, +${perAnalysis.rssMiB.toFixed(0)} MiB)`] : []),
    ],
    goal: '',
    checks: [
      { goal: `≤ ${GOALS.events} events`, met: events <= GOALS.events },
      { goal: `≤ 1 MB`, met: bytes <= GOALS.bytes },
    ],
    notes: [
      `Cluster ${target.no} of FY${target.fiscalYear} (deadlines ahead, so no reminder fired): kickoff and ${actions - 1} actions through the API (${kinds.join(', ')}; each ${SAVES_PER_REPORT} saves, submit, 3 approvals), ending COMPLETED.`,
      'Events and bytes are the server\'s own count (DescribeWorkflowExecution: historyLength, historySizeBytes) of every run, following continue-as-new back to the first. A year whose deadlines pass adds each fired reminder\'s timer, activity and workflow task.',
      perAnalysis
        ? `Memory: the worker's process (/proc VmRSS) before and after row 6's kickoff: RSS ${mib(memory!.before.rssBytes)} → ${mib(memory!.after.rssBytes)} MiB, workflows in its cache ${count(memory!.before.cachedWorkflows)} → ${count(memory!.after.cachedWorkflows)} (the task queue's running workflows, up to the ${count(memory!.cacheLimit)} its cache holds; ${count(memory!.kickedOff)} were started). RSS growth over the workflows cached meanwhile, garbage included: an upper bound.`
        : 'Memory per open analysis needs row 6 (its kickoff opens the analyses it is measured over).',
    ],
  };
}

interface RunHistory {
  readonly runId: string;
  readonly events: number;
  readonly bytes: number;
}

/** The latest run first, then each run it continued from, as the server describes them. */
async function historyOfEveryRun(context: BenchContext, workflowId: string): Promise<RunHistory[]> {
  const runs: RunHistory[] = [];
  let runId: string | undefined;
  for (;;) {
    const handle = context.temporal.workflow.getHandle(workflowId, runId);
    const description = await handle.describe();
    const history = await handle.fetchHistory();
    const bytes = description.historySize ?? proto.api.history.v1.History.encode(history).finish().length;
    runs.push({ runId: description.runId, events: description.historyLength, bytes });
    const previous = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    if (!previous) return runs;
    runId = previous;
  }
}

function memoryPerAnalysis({ before, after }: MemoryGrowth): { rssKiB: number; rssMiB: number; analyses: number } {
  const analyses = after.cachedWorkflows - before.cachedWorkflows;
  const grown = after.rssBytes - before.rssBytes;
  return { rssKiB: grown / analyses / 1024, rssMiB: grown / 2 ** 20, analyses };
}

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
