import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { BenchContext, CLUSTER_COUNT, FISCAL_YEAR } from './context';
import { OFFICE } from './organisation';
import type { Row } from './report';

const READ_MODEL_TIMEOUT_MS = 120_000;
const POLL_INTERVAL_MS = 10;

/**
 * 1. One bulk kickoff of every flagged cluster as the reform office: how long the POST takes, and
 * how long from its start until the read model shows every cluster kicked off.
 */
export async function measureBulkKickoff(context: BenchContext): Promise<Row[]> {
  const { api, pg, progress } = context;
  progress(`[1/3] Bulk kickoff of the ${CLUSTER_COUNT} clusters…`);
  const started = performance.now();
  const kickoff = await api.call<{ started: number }>('POST', `/fiscal-years/${FISCAL_YEAR}/kickoff`, {
    token: context.user(OFFICE).token,
    body: { meetingDate: `${FISCAL_YEAR}-06-04`, attendees: ['市政変革推進室 係長'], notes: 'ベンチマークによる一括着手' },
    expect: 200,
  });
  if (kickoff.body.started !== CLUSTER_COUNT) throw new Error(`the bulk kickoff started ${kickoff.body.started} cluster(s): ${JSON.stringify(kickoff.body)}`);
  for (let lastReport = performance.now(); ; await delay(POLL_INTERVAL_MS)) {
    const { rows } = await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM clusters WHERE fiscal_year = $1 AND stage <> 'NOT_STARTED'`, [FISCAL_YEAR]);
    const shown = rows[0].n;
    if (shown === CLUSTER_COUNT) break;
    const waited = performance.now() - started;
    if (waited > READ_MODEL_TIMEOUT_MS) throw new Error(`the read model shows ${shown}/${CLUSTER_COUNT} kicked off after ${READ_MODEL_TIMEOUT_MS / 1000} s`);
    if (performance.now() - lastReport > 10_000) {
      progress(`  the read model shows ${shown}/${CLUSTER_COUNT} kicked off after ${(waited / 1000).toFixed(0)} s; waiting…`);
      lastReport = performance.now();
    }
  }
  const readModelMs = performance.now() - started;
  progress(`  answered in ${kickoff.ms.toFixed(0)} ms; the read model showed all ${CLUSTER_COUNT} after ${readModelMs.toFixed(0)} ms`);
  return [
    { kind: 'section', title: `1. Bulk kickoff of ${CLUSTER_COUNT} clusters (one run)` },
    { kind: 'single', label: `POST /fiscal-years/${FISCAL_YEAR}/kickoff answered`, ms: kickoff.ms },
    { kind: 'single', label: `read model shows ${CLUSTER_COUNT}/${CLUSTER_COUNT} kicked off (from the POST)`, ms: readModelMs },
  ];
}
