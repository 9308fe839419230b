import { clusterWorkflowId, forEachAtMost } from '@app/temporal';
import { performance } from 'node:perf_hooks';
import { AnsweredEventRecorder, ClusterEventRepository } from '@app/persistence';
import { clusterUpdates, getUnconfirmedEvents } from '@app/workflows';
import { BenchContext, KICKOFF_YEAR } from './context';
import { FLOOR_TASK_QUEUE } from './floor-worker';
import { withinTime } from './within-time';
import { APPROVAL_STEPS, ApprovalStep, BureauCode } from './organisation';
import { reportActions, ReportAddress } from './report-actions';
import { ms, ResultRow } from './report';
import { summarise, Summary } from './statistics';
import { finishNoop, noopUpdate, noopWorkflow } from './workflows/noop.workflow';

/** Clusters whose approvals only warm up every path, before anything is measured. */
const WARM_UP_CLUSTERS = 4;
const PREPARATION_CONCURRENCY = 4;
const UPDATE_TIMEOUT_MS = 60_000;
const REPORT = 'interim';
const GOALS = { bareTimesFloorP50: 3, apiPlusBareP50Ms: 5, apiTimesBareP95: 1.5 };

type Path = 'api' | 'temporal';

/**
 * Rows 1–3, measured side by side on the kicked-off FY2024 clusters: every approval of the interim
 * report's three steps is preceded by a no-op Update on the floor's workflow for the same cluster,
 * and goes either through the API (HTTP, bearer token, Idempotency-Key, timed at the client) or as
 * the same Workflow Update sent directly with the Temporal client. A cluster alternates between the
 * paths from step to step, and neighbouring clusters take opposite paths, so both decide the same mix
 * of steps, clusters and bureaus; after each direct Update the read model must already hold its event.
 */
export async function measureApprovals(context: BenchContext): Promise<ResultRow[]> {
  const { progress } = context;
  const clusters = [...context.owners.keys()];
  const warmUp = clusters.slice(0, WARM_UP_CLUSTERS);
  const measured = clusters.slice(WARM_UP_CLUSTERS);
  progress(`[rows 1–3] The floor's no-op workflow for each of ${clusters.length} clusters; the ${REPORT} report of each written and submitted…`);
  const floors = new Map(await Promise.all(clusters.map(async (no) => [no, await startFloorWorkflow(context, no)] as const)));
  await submitReports(context, clusters);

  const recorder = new AnsweredEventRecorder(new ClusterEventRepository(context.dataSource));
  const pathOf = (index: number, stepIndex: number): Path => ((index + stepIndex) % 2 === 0 ? 'api' : 'temporal');
  const approveOn = async (no: number, index: number, stepIndex: number) => {
    const floorMs = await timeNoop(context, floors.get(no)!, command(context, no, APPROVAL_STEPS[stepIndex]));
    const path = pathOf(index, stepIndex);
    const approval = await approve(context, recorder, no, APPROVAL_STEPS[stepIndex], path);
    return { floorMs, path, ...approval };
  };
  progress(`  warming up: ${warmUp.length * APPROVAL_STEPS.length} approvals and as many no-op Updates on ${warmUp.length} clusters`);
  for (const stepIndex of APPROVAL_STEPS.keys()) {
    for (const [index, no] of warmUp.entries()) await approveOn(no, index, stepIndex);
  }
  const samples: Record<Path | 'floor', number[]> = { floor: [], api: [], temporal: [] };
  let readModelBehind = 0;
  for (const [stepIndex, step] of APPROVAL_STEPS.entries()) {
    for (const [index, no] of measured.entries()) {
      const { floorMs, path, ms: approvalMs, readModelCurrent } = await approveOn(no, index, stepIndex);
      samples.floor.push(floorMs);
      samples[path].push(approvalMs);
      if (!readModelCurrent) readModelBehind += 1;
    }
    progress(`  step ${stepIndex + 1}/${APPROVAL_STEPS.length} (${step.label}) decided on ${measured.length} clusters`);
  }
  await Promise.all([...floors.values()].map((workflowId) => context.temporal.workflow.getHandle(workflowId).signal(finishNoop)));

  const { rows } = await context.pg.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM clusters WHERE fiscal_year = $1 AND no = ANY($2::int[]) AND stage = 'DIRECTION_REPORT'`,
    [KICKOFF_YEAR, clusters],
  );
  if (rows[0].n !== clusters.length) throw new Error(`only ${rows[0].n} of ${clusters.length} cluster(s) reached DIRECTION_REPORT after the approvals`);
  return approvalRows(summarise(samples.floor), summarise(samples.temporal), summarise(samples.api), readModelBehind, measured.length);
}

function approvalRows(floor: Summary, bare: Summary, api: Summary, readModelBehind: number, clusters: number): ResultRow[] {
  const figures = (summary: Summary) => [`p50 ${ms(summary.p50)}  p95 ${ms(summary.p95)}`, `mean ${ms(summary.mean)}  n ${summary.n}`];
  const sequence = `${clusters} FY${KICKOFF_YEAR} clusters × ${APPROVAL_STEPS.length} steps of the ${REPORT} report, one at a time, after ${WARM_UP_CLUSTERS * APPROVAL_STEPS.length} warm-up approvals`;
  return [
    {
      id: '1',
      measurement: 'floor: a no-op Workflow Update on the same server (bench-only workflow)',
      result: figures(floor),
      goal: 'printed, as the reference',
      checks: [],
      notes: [
        `bench/workflows/noop.workflow.ts, bundled at the start and run by a second worker on task queue ${FLOOR_TASK_QUEUE}: same server, connection settings and payload codec as the engine's worker.`,
        'Its Update takes the same argument as an approval and answers at once. One such workflow per cluster; each approval of rows 2–3 is preceded by one no-op Update.',
      ],
    },
    {
      id: '2',
      measurement: 'one approval through the bare Workflow Update, read model written before it answers',
      result: figures(bare),
      goal: '',
      checks: [
        { goal: `p50 ≤ 3 × floor (≤ ${ms(GOALS.bareTimesFloorP50 * floor.p50)})`, met: bare.p50 <= GOALS.bareTimesFloorP50 * floor.p50 },
        { goal: `read model current at the answer (${bare.n - readModelBehind}/${bare.n})`, met: readModelBehind === 0 },
      ],
      notes: [
        `executeUpdate(clusterUpdates.approve) with the Temporal client (the engine's data converter), then the event it answers with recorded in the read model by the API's own recorder (AnsweredEventRecorder), timed until both are done; ${sequence}.`,
        "Right after each answer the cluster's last_event_seq in PostgreSQL is compared with the seq the Update answered.",
      ],
    },
    {
      id: '3',
      measurement: 'the same approval through the API (HTTP, JWT, idempotency)',
      result: figures(api),
      goal: '',
      checks: [
        { goal: `p50 ≤ bare + 5 ms (≤ ${ms(bare.p50 + GOALS.apiPlusBareP50Ms)})`, met: api.p50 <= bare.p50 + GOALS.apiPlusBareP50Ms },
        { goal: `p95 ≤ 1.5 × bare p95 (≤ ${ms(GOALS.apiTimesBareP95 * bare.p95)})`, met: api.p95 <= GOALS.apiTimesBareP95 * bare.p95 },
      ],
      notes: [`POST …/reports/${REPORT}/approve with a bearer token and a fresh Idempotency-Key, timed at the HTTP client (keep-alive) until the whole answer arrived; the same clusters and steps as row 2.`],
    },
  ];
}

/** One no-op workflow per cluster, so the floor's histories grow as the analyses' do. */
async function startFloorWorkflow(context: BenchContext, no: number): Promise<string> {
  const workflowId = `bench-floor/${KICKOFF_YEAR}/${no}`;
  await context.temporal.workflow.start(noopWorkflow, { workflowId, taskQueue: FLOOR_TASK_QUEUE });
  return workflowId;
}

async function timeNoop(context: BenchContext, workflowId: string, argument: unknown): Promise<number> {
  const started = performance.now();
  await withinTime(context.temporal.workflow.getHandle(workflowId).executeUpdate(noopUpdate, { args: [argument] }), UPDATE_TIMEOUT_MS, `the no-op Update of ${workflowId}`);
  return performance.now() - started;
}

const address = (context: BenchContext, no: number): ReportAddress => ({ fiscalYear: KICKOFF_YEAR, no, kind: REPORT, bureau: context.owners.get(no) as BureauCode });

const command = (context: BenchContext, no: number, step: ApprovalStep) => ({
  type: 'approve' as const,
  actor: context.user(step.approver(context.owners.get(no)!)).participant,
  kind: REPORT,
  comment: null,
});

/** Saves a draft and submits it, as staff of the owning bureau, a few clusters at a time. */
async function submitReports(context: BenchContext, clusters: readonly number[]): Promise<void> {
  const actions = reportActions(context);
  await forEachAtMost(PREPARATION_CONCURRENCY, clusters, async (no) => {
    const report = address(context, no);
    for (const response of [await actions.save(report, 0, `経過報告 No.${no}`), await actions.submit(report)]) {
      if (response.status !== 200) throw new Error(`preparing cluster ${no}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
    }
  });
}

/** Decides the cluster's pending step on one path: how long it took, and whether the read model had it by the answer. */
async function approve(context: BenchContext, recorder: AnsweredEventRecorder, no: number, step: ApprovalStep, path: Path): Promise<{ ms: number; readModelCurrent: boolean }> {
  if (path === 'api') {
    const response = await reportActions(context).approve(address(context, no), step);
    if (response.status !== 200) throw new Error(`approval of cluster ${no} through the API answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
    return { ms: response.ms, readModelCurrent: true };
  }
  const handle = context.temporal.workflow.getHandle(clusterWorkflowId(KICKOFF_YEAR, no));
  const started = performance.now();
  const outcome = await withinTime(handle.executeUpdate(clusterUpdates.approve, { args: [command(context, no, step)] }), UPDATE_TIMEOUT_MS, `the approve Update of cluster ${no}`);
  // Answered with its event, the approval is recorded by its caller, as the API records it.
  if (outcome.event) {
    const problem = await recorder.record(outcome.event, () => handle.query(getUnconfirmedEvents));
    if (problem !== null) throw new Error(`the read model refused the approval of cluster ${no}: ${problem}`);
  }
  const elapsed = performance.now() - started;
  const { rows } = await context.pg.query<{ seq: number }>(`SELECT last_event_seq AS seq FROM clusters WHERE fiscal_year = $1 AND no = $2`, [KICKOFF_YEAR, no]);
  return { ms: elapsed, readModelCurrent: rows[0].seq >= outcome.seq };
}
