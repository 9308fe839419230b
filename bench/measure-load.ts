import { performance } from 'node:perf_hooks';
import type { TimedResponse } from '../tools/http/api-client';
import { BenchContext } from './context';
import { APPROVAL_STEPS, BureauCode, OFFICE } from './organisation';
import { ReportActionKind, reportActions, ReportAddress } from './report-actions';
import { count, ms, ResultRow } from './report';
import { cpuBetween, cpuSnapshot } from './process-cpu';
import { summarise } from './statistics';

export const LOAD_CLIENTS = 20;
export const LOAD_MINUTES = { default: 2, long: 10 };
const GOALS = { cyclesPerSecond: 15 };
const REPORT_EVERY_MS = 10_000;

export interface LoadTarget {
  readonly fiscalYear: number;
  /** Kicked-off clusters nobody else acts on, with their owning bureaus. */
  readonly clusters: ReadonlyMap<number, BureauCode>;
  readonly minutes: number;
}

/**
 * Row 4: LOAD_CLIENTS clients at once, each on a cluster of its own, running report cycles — save a
 * draft, submit it, and the chain's three approvals — through the API as the web app sends them,
 * report after report until the cluster is complete, then on the next free cluster, for the given
 * minutes. Nothing here can be refused (no two clients share a cluster), so every answer other than
 * 200, and every error, is a failure; the client then leaves that cluster for a fresh one.
 */
export async function measureSustainedLoad(context: BenchContext, target: LoadTarget): Promise<ResultRow> {
  const { progress } = context;
  const kinds = await reportKinds(context, target.fiscalYear);
  const actions = reportActions(context);
  const free = [...target.clusters.keys()];
  const samples: Record<ReportActionKind, number[]> = { save: [], submit: [], approve: [] };
  const failures = new Map<string, number>();
  let cycles = 0;
  let clustersUsed = 0;
  let ranOut = false;

  const failed = (what: string) => failures.set(what, (failures.get(what) ?? 0) + 1);
  /** The answer's time, or a failure named by action, status and reason code. */
  const sent = async (kind: ReportActionKind, send: () => Promise<TimedResponse>): Promise<boolean> => {
    try {
      const response = await send();
      if (response.status === 200) {
        samples[kind].push(response.ms);
        return true;
      }
      failed(`${kind} ${response.status} ${(response.body as { code?: string } | undefined)?.code ?? ''}`.trim());
    } catch (error) {
      failed(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return false;
  };
  const cycle = async (report: ReportAddress): Promise<boolean> => {
    if (!(await sent('save', () => actions.save(report, 0, `負荷試験 No.${report.no} ${report.kind}`)))) return false;
    if (!(await sent('submit', () => actions.submit(report)))) return false;
    for (const step of APPROVAL_STEPS) if (!(await sent('approve', () => actions.approve(report, step)))) return false;
    return true;
  };

  progress(`[row 4] ${LOAD_CLIENTS} clients running report cycles on distinct FY${target.fiscalYear} clusters for ${target.minutes} min…`);
  const cpuBefore = cpuSnapshot();
  const started = performance.now();
  const deadline = started + target.minutes * 60_000;
  const client = async () => {
    while (performance.now() < deadline) {
      const no = free.shift();
      if (no === undefined) {
        ranOut = true;
        return;
      }
      clustersUsed += 1;
      for (const kind of kinds) {
        if (performance.now() >= deadline) return;
        if (!(await cycle({ fiscalYear: target.fiscalYear, no, kind, bureau: target.clusters.get(no)! }))) break;
        cycles += 1;
      }
    }
  };
  const reporter = setInterval(() => {
    const elapsed = (performance.now() - started) / 1000;
    const failing = [...failures.values()].reduce((sum, n) => sum + n, 0);
    progress(`  ${elapsed.toFixed(0)} s: ${count(cycles)} cycles (${(cycles / elapsed).toFixed(1)}/s), ${failing} failure(s), ${count(clustersUsed)} clusters taken`);
  }, REPORT_EVERY_MS);
  try {
    await Promise.all(Array.from({ length: LOAD_CLIENTS }, client));
  } finally {
    clearInterval(reporter);
  }
  const elapsedMs = performance.now() - started;
  const cpu = cpuBetween(cpuBefore, cpuSnapshot(), cycles, 'cycle');
  const rate = cycles / (elapsedMs / 1000);
  const failureCount = [...failures.values()].reduce((sum, n) => sum + n, 0);
  const percentiles = (p: 'p50' | 'p95') =>
    `${p}: ${(['save', 'submit', 'approve'] as const).map((kind) => `${kind} ${samples[kind].length ? ms(summarise(samples[kind])[p]) : '—'}`).join(' · ')}`;
  progress(`  ${count(cycles)} cycles in ${(elapsedMs / 1000).toFixed(1)} s (${rate.toFixed(1)}/s), ${failureCount} failure(s)`);
  return {
    id: '4',
    measurement: `sustained load: ${LOAD_CLIENTS} concurrent clients running report cycles (save, submit, 3 approvals) on distinct clusters for ${target.minutes} min`,
    result: [`${rate.toFixed(1)} cycles/s (${count(cycles)} in ${(elapsedMs / 1000).toFixed(0)} s)`, `${failureCount} failure(s)`, percentiles('p50'), percentiles('p95')],
    goal: '',
    checks: [
      { goal: `≥ ${GOALS.cyclesPerSecond} cycles/s`, met: rate >= GOALS.cyclesPerSecond },
      { goal: '0 failures', met: failureCount === 0 },
    ],
    notes: [
      `FY${target.fiscalYear} clusters kicked off in row 6 (${count(clustersUsed)} used), each report of a cluster in turn (${kinds.join(', ')}) and then the next cluster; users: staff, manager and director of the owning bureau and the reform office (${OFFICE}).`,
      'Every action through the API with a bearer token and a fresh Idempotency-Key, saves with If-Match; a cycle started before the end is finished and counted, and the rate is cycles over the time until the last client stopped.',
      `${cpu}; the benchmark's part is its ${LOAD_CLIENTS} clients, which share the machine with what they measure.`,
      ...(failureCount > 0 ? [`failures: ${[...failures].map(([what, n]) => `${n} × ${what}`).join('; ')}`] : []),
      ...(ranOut ? ['The clients ran out of free clusters before the time was up.'] : []),
    ],
  };
}

async function reportKinds(context: BenchContext, fiscalYear: number): Promise<string[]> {
  const settings = await context.api.call<{ reportKinds: { slug: string }[] }>('GET', `/fiscal-years/${fiscalYear}/lifecycle-settings`, { token: context.user(OFFICE).token, expect: 200 });
  return settings.body.reportKinds.map((kind) => kind.slug);
}
