import { clusterWorkflowId } from '@app/temporal';
import { performance } from 'node:perf_hooks';
import { clusterUpdates } from '@app/workflows';
import { BenchContext, clusterPath, FISCAL_YEAR } from './context';
import { bureauUser, OFFICE } from './organisation';
import type { Row } from './report';
import { summarise } from './statistics';

/** Clusters whose report is approved on the two paths; each takes three approvals. */
const MEASURED_CLUSTERS = 40;
/** Clusters whose approvals only warm up both paths, before anything is measured. */
const WARM_UP_CLUSTERS = 4;
const PREPARATION_CONCURRENCY = 4;
const UPDATE_TIMEOUT_MS = 60_000;
const REPORT = 'interim';
const STEPS = [
  { label: '所管課長', approver: (bureau: string) => bureauUser(bureau, 'manager') },
  { label: '所管局長', approver: (bureau: string) => bureauUser(bureau, 'director') },
  { label: '市政変革室', approver: () => OFFICE },
] as const;

type Step = (typeof STEPS)[number];
type Path = 'api' | 'temporal';

/**
 * 2. Latency of one approval through the API (HTTP, timed at the client) next to the same Workflow
 * Update sent directly with the Temporal client. Every call decides a fresh step of a submitted report.
 */
export async function measureApprovals(context: BenchContext): Promise<Row[]> {
  const { progress } = context;
  const clusters = [...context.owners.keys()];
  const warmUp = clusters.slice(0, WARM_UP_CLUSTERS);
  const measured = clusters.slice(WARM_UP_CLUSTERS, WARM_UP_CLUSTERS + MEASURED_CLUSTERS);
  await submitReports(context, [...warmUp, ...measured]);

  // Each cluster's three steps are decided in turn; a cluster alternates between the paths from
  // step to step, and within a step neighbouring clusters take opposite paths, so both paths decide
  // the same mix of steps, clusters and bureaus.
  const pathOf = (index: number, stepIndex: number): Path => ((index + stepIndex) % 2 === 0 ? 'api' : 'temporal');
  progress(`  warming up: ${warmUp.length * STEPS.length} approvals on ${warmUp.length} other clusters, half on each path`);
  for (const [stepIndex, step] of STEPS.entries()) {
    for (const [index, no] of warmUp.entries()) await approve(context, no, step, pathOf(index, stepIndex));
  }
  const samples: Record<Path, number[]> = { api: [], temporal: [] };
  for (const [stepIndex, step] of STEPS.entries()) {
    for (const [index, no] of measured.entries()) {
      const path = pathOf(index, stepIndex);
      samples[path].push(await approve(context, no, step, path));
    }
    progress(`  step ${stepIndex + 1}/${STEPS.length} (${step.label}) decided on ${measured.length} clusters`);
  }

  const { rows } = await context.pg.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM clusters WHERE fiscal_year = $1 AND no = ANY($2::int[]) AND stage = 'DIRECTION_REPORT'`,
    [FISCAL_YEAR, [...warmUp, ...measured]],
  );
  if (rows[0].n !== warmUp.length + measured.length) throw new Error(`only ${rows[0].n} cluster(s) reached DIRECTION_REPORT after the approvals`);
  const viaApi = summarise(samples.api);
  const viaTemporal = summarise(samples.temporal);
  return [
    { kind: 'section', title: `2. Approval of one step of the ${REPORT} report (${measured.length} clusters × ${STEPS.length} steps, sequential)` },
    { kind: 'summary', label: `API: POST …/reports/${REPORT}/approve (HTTP, at the client)`, summary: viaApi },
    { kind: 'summary', label: 'Temporal client: executeUpdate(clusterUpdates.approve)', summary: viaTemporal },
    { kind: 'ratio', label: 'ratio API / Temporal client', of: viaApi, to: viaTemporal },
  ];
}

/** Saves a draft and submits it, as staff of the owning bureau, a few clusters at a time. */
async function submitReports(context: BenchContext, clusters: readonly number[]): Promise<void> {
  const { api, progress } = context;
  progress(`[2/3] Writing and submitting the ${REPORT} report of ${clusters.length} clusters as staff of the owning bureau…`);
  let submitted = 0;
  await forEachLimited(clusters, PREPARATION_CONCURRENCY, async (no) => {
    const { token } = context.user(bureauUser(context.owners.get(no)!, 'staff'));
    const body = { title: `経過報告 No.${no}`, body: '他都市との比較により、事業の委託範囲と費用負担の見直しを提案する。' };
    await api.call('PUT', `${clusterPath(no)}/reports/${REPORT}`, { token, body, expect: 200 });
    await api.call('POST', `${clusterPath(no)}/reports/${REPORT}/submit`, { token, expect: 200 });
    submitted += 1;
    if (submitted % 10 === 0) progress(`  ${submitted} submitted`);
  });
}

/** Decides the cluster's pending step on one path and returns the milliseconds it took. */
async function approve(context: BenchContext, no: number, step: Step, path: Path): Promise<number> {
  const approver = context.user(step.approver(context.owners.get(no)!));
  if (path === 'api') {
    return (await context.api.call('POST', `${clusterPath(no)}/reports/${REPORT}/approve`, { token: approver.token, body: {}, expect: 200 })).ms;
  }
  const started = performance.now();
  const update = context.temporal.workflow
    .getHandle(clusterWorkflowId(FISCAL_YEAR, no))
    .executeUpdate(clusterUpdates.approve, { args: [{ type: 'approve', actor: approver.participant, kind: REPORT, comment: null }] });
  await withinTime(update, UPDATE_TIMEOUT_MS, `the approve Update of cluster ${no}`);
  return performance.now() - started;
}

/** Runs `task` for every item, at most `limit` at a time. */
async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** The promise's value, or an error naming what did not finish in time (the promise itself is left to settle). */
async function withinTime<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
