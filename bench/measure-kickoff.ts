import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { generateYear } from './bench-years';
import { BenchContext, CLUSTER_COUNT, KICKOFF_YEAR, SEED_YEAR } from './context';
import { OFFICE } from './organisation';
import { cpuBetween, cpuSnapshot } from './process-cpu';
import { count, ResultRow, seconds } from './report';
import { requestWithoutDeadline, UnhurriedAnswer } from './request-without-deadline';

/** A hundred cities the size of Kitakyushu's programme, in one generated year still ahead (no deadline has passed). */
export const HUNDRED_CITIES_YEAR = 2080;
export const HUNDRED_CITIES_CLUSTERS = 100 * CLUSTER_COUNT;
const GOALS = { realSizeMs: 1500, hundredCitiesMs: 60_000 };

export interface KickoffRun {
  readonly fiscalYear: number;
  readonly expected: number;
  /** The POST's answer, or what went wrong with it. */
  readonly answer: UnhurriedAnswer | Error | null;
  /** From sending the POST until the read model showed every cluster kicked off; null if it never did. */
  readonly allShownMs: number | null;
  /** Kicked off in the read model when the run ended. */
  readonly shown: number;
  readonly elapsedMs: number;
  /** Events of the year's analyses the read model refused (`projection_failures`). */
  readonly projectionFailures: number;
}

interface Pacing {
  /** How often the read model is asked. */
  readonly pollMs: number;
  /** How often a progress line is printed. */
  readonly reportEveryMs: number;
  /** Given up once the POST has ended and nothing moved for this long, or after `capMs` in all. */
  readonly stallMs: number;
  readonly capMs: number;
}

/**
 * One bulk kickoff of every flagged cluster of the year, as the reform office sends it: the POST
 * (no deadline on the client's side), and the read model asked alongside until it shows every
 * cluster kicked off, whether the API answers before, during or after that.
 */
export async function bulkKickoff(context: BenchContext, fiscalYear: number, expected: number, pacing: Pacing): Promise<KickoffRun> {
  const { progress } = context;
  const body = { meetingDate: `${fiscalYear}-06-04`, attendees: ['市政変革推進室 係長'], notes: 'ベンチマークによる一括着手' };
  const started = performance.now();
  // Set by the POST's callbacks while the loop below reads the read model.
  const post: { answer: UnhurriedAnswer | Error | null } = { answer: null };
  const posting = requestWithoutDeadline('POST', `${context.baseUrl}/fiscal-years/${fiscalYear}/kickoff`, context.user(OFFICE).token, body).then(
    (answered) => {
      post.answer = answered;
      if (expected > 1000) progress(`  FY${fiscalYear}: the POST answered ${answered.status} after ${seconds(answered.ms)}`);
    },
    (error: unknown) => {
      post.answer = error instanceof Error ? error : new Error(String(error));
    },
  );
  let shown = 0;
  let lastChange = performance.now();
  let lastReport = performance.now();
  let allShownMs: number | null = null;
  for (;;) {
    const now = await kickedOff(context, fiscalYear);
    const elapsed = performance.now() - started;
    if (now !== shown) lastChange = performance.now();
    shown = now;
    if (shown >= expected) {
      allShownMs = elapsed;
      break;
    }
    if ((post.answer !== null && performance.now() - lastChange > pacing.stallMs) || elapsed > pacing.capMs) break;
    if (performance.now() - lastReport >= pacing.reportEveryMs) {
      const waiting = post.answer === null ? 'the POST has not answered yet' : describeAnswer(post.answer);
      progress(`  FY${fiscalYear}: ${count(shown)}/${count(expected)} kicked off in the read model after ${seconds(elapsed)} (${(shown / (elapsed / 1000)).toFixed(0)}/s); ${waiting}`);
      lastReport = performance.now();
    }
    await delay(pacing.pollMs);
  }
  // Every cluster is shown: the answer, if it has not come, follows the last start at once.
  await Promise.race([posting, delay(Math.max(0, pacing.capMs - (performance.now() - started)))]);
  const { rows } = await context.pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM projection_failures WHERE fiscal_year = $1`, [fiscalYear]);
  return { fiscalYear, expected, answer: post.answer, allShownMs, shown, elapsedMs: performance.now() - started, projectionFailures: rows[0].n };
}

/**
 * Row 5: the 57 clusters of FY2024 in a copy whose deadlines are all ahead, all flagged; then, for
 * comparison, the same kickoff of FY2024 itself, where every analysis starts overdue.
 */
export async function measureRealSizeKickoff(context: BenchContext): Promise<ResultRow> {
  const pacing = { pollMs: 10, reportEveryMs: 5000, stallMs: 30_000, capMs: 300_000 };
  context.progress(`[row 5] Bulk kickoff of the ${CLUSTER_COUNT} FY${KICKOFF_YEAR} clusters…`);
  const run = await bulkKickoff(context, KICKOFF_YEAR, CLUSTER_COUNT, pacing);
  context.progress(`  ${howFar(run)}; ${describeAnswer(run.answer)}`);
  context.progress(`  For comparison, the same kickoff of FY${SEED_YEAR} itself, every deadline past…`);
  const past = await bulkKickoff(context, SEED_YEAR, CLUSTER_COUNT, pacing);
  context.progress(`  ${howFar(past)}; ${describeAnswer(past.answer)}`);
  const row = kickoffRow('5', ROW_5_MEASUREMENT, run, GOALS.realSizeMs, [
    `FY${KICKOFF_YEAR}: FY${SEED_YEAR} copied through the API, its calendar ${KICKOFF_YEAR - SEED_YEAR} years later, so every deadline is ahead as when a year is kicked off in practice (and as in rows 4, 6 and 7).`,
    `POST /fiscal-years/${KICKOFF_YEAR}/kickoff as the reform office, every cluster flagged and owned; the read model (clusters.stage) asked every 10 ms from the moment the POST is sent.`,
    `The same kickoff of FY${SEED_YEAR} itself, straight after: ${howFar(past)}. Its deadlines have all passed, so each analysis also sends its overdue escalations at once: one more activity and workflow task per cluster.`,
  ]);
  return { ...row, result: [...row.result, `FY${SEED_YEAR} itself, every deadline past: ${howFar(past)}`] };
}

export const ROW_5_MEASUREMENT = `bulk kickoff of the ${CLUSTER_COUNT} clusters of FY${SEED_YEAR} copied to FY${KICKOFF_YEAR}, POST to all in the read model`;

/** Row 6: a generated year of 5,700 clusters, all flagged, with progress lines while it runs. */
export async function measureHundredCitiesKickoff(context: BenchContext): Promise<{ row: ResultRow; run: KickoffRun }> {
  context.progress(`[row 6] Generating FY${HUNDRED_CITIES_YEAR} with ${count(HUNDRED_CITIES_CLUSTERS)} clusters, all flagged…`);
  await generateYear(context, HUNDRED_CITIES_YEAR, HUNDRED_CITIES_CLUSTERS, 'all');
  context.progress(`[row 6] Bulk kickoff of ${count(HUNDRED_CITIES_CLUSTERS)} clusters; the read model is asked every 250 ms…`);
  const cpuBefore = cpuSnapshot();
  const run = await bulkKickoff(context, HUNDRED_CITIES_YEAR, HUNDRED_CITIES_CLUSTERS, { pollMs: 250, reportEveryMs: 5000, stallMs: 60_000, capMs: 20 * 60_000 });
  const cpu = cpuBetween(cpuBefore, cpuSnapshot(), run.shown, 'kickoff');
  context.progress(`  ${howFar(run)}; ${describeAnswer(run.answer)}`);
  const row = kickoffRow('6', `bulk kickoff of ${count(HUNDRED_CITIES_CLUSTERS)} clusters (a generated year: a hundred cities' worth)`, run, GOALS.hundredCitiesMs, [
    `FY${HUNDRED_CITIES_YEAR}: FY${SEED_YEAR} copied through the API and filled with numbered clusters modelled on its 57 in turn (3 owning bureaus), all flagged; deadlines all ahead, so no reminder fires.`,
    'The read model is asked every 250 ms while the POST runs (progress every 5 s). Failures: clusters not kicked off when the run ended, events the read model refused, and a POST not answered 2xx.',
    `${cpu}, until the last was in the read model.`,
  ]);
  return { row, run };
}

function kickoffRow(id: string, measurement: string, run: KickoffRun, goalMs: number, notes: string[]): ResultRow {
  const missing = run.expected - run.shown;
  const postFailed = !(run.answer !== null && !(run.answer instanceof Error) && run.answer.status >= 200 && run.answer.status < 300);
  const failures = missing + run.projectionFailures + (postFailed ? 1 : 0);
  const result = [
    howFar(run),
    describeAnswer(run.answer),
    ...(run.allShownMs !== null && run.expected > 1000 ? [`${(run.expected / (run.allShownMs / 1000)).toFixed(0)} clusters/s`] : []),
  ];
  const checks = [{ goal: `< ${seconds(goalMs)}`, met: run.allShownMs !== null && run.allShownMs < goalMs }];
  if (run.expected > 1000) {
    result.push(`${failures} failure(s)${failures > 0 ? `: ${missing} not kicked off, ${run.projectionFailures} refused by the read model${postFailed ? ', the POST failed' : ''}` : ''}`);
    checks.push({ goal: '0 failures', met: failures === 0 });
  } else if (failures > 0) {
    notes.push(`${missing} not kicked off, ${run.projectionFailures} event(s) refused by the read model${postFailed ? ', and the POST failed' : ''}.`);
  }
  return { id, measurement, result, goal: '', checks, notes };
}

/** How far a kickoff got: the time to every cluster shown, or how many were shown when it ended. */
function howFar(run: KickoffRun): string {
  return run.allShownMs === null ? `${count(run.shown)}/${count(run.expected)} after ${seconds(run.elapsedMs)}` : `${seconds(run.allShownMs)} to all ${count(run.expected)}`;
}

export function describeAnswer(answer: UnhurriedAnswer | Error | null): string {
  if (answer === null) return 'the POST had not answered when the run ended';
  if (answer instanceof Error) return `the POST failed: ${answer.message}`;
  const headersFirst = answer.ms - answer.headersMs > 500 ? ` (status after ${seconds(answer.headersMs)})` : '';
  return `POST answered ${answer.status} in ${seconds(answer.ms)}${headersFirst}`;
}

async function kickedOff(context: BenchContext, fiscalYear: number): Promise<number> {
  const { rows } = await context.pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM clusters WHERE fiscal_year = $1 AND stage <> 'NOT_STARTED'`, [fiscalYear]);
  return rows[0].n;
}
