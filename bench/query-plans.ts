import { Client as PgClient, QueryConfig } from 'pg';

interface SentQuery {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** A plan in one line: how long PostgreSQL took, and how it reached each table. */
export interface PlanSummary {
  readonly executionMs: number;
  readonly scans: readonly string[];
}

const SCAN = /((?:Parallel )?(?:Seq Scan|Index Scan|Index Only Scan|Bitmap Heap Scan)(?: using \S+)? on \S+)/;

/**
 * The SQL this process sends to PostgreSQL while `work` runs (the engine's repositories, called from
 * here): every pg client's `query` is watched meanwhile, whichever pool it belongs to.
 */
export async function queriesSentDuring(work: () => Promise<unknown>): Promise<SentQuery[]> {
  const sent: SentQuery[] = [];
  const original = PgClient.prototype.query;
  const watching = function (this: PgClient, config: string | QueryConfig, values?: unknown) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : typeof config === 'object' ? (config?.values ?? []) : [];
    if (typeof text === 'string') sent.push({ text, values: params });
    // eslint-disable-next-line prefer-rest-params -- passes on whatever form of call pg was given
    return (original as (...args: unknown[]) => unknown).apply(this, arguments as unknown as unknown[]);
  };
  PgClient.prototype.query = watching as typeof original;
  try {
    await work();
  } finally {
    PgClient.prototype.query = original;
  }
  return sent;
}

/** EXPLAIN ANALYZE of each read-only statement that touches one of `tables`, summarised. */
export async function planSummaries(pg: PgClient, queries: readonly SentQuery[], tables: readonly string[]): Promise<PlanSummary[]> {
  const reads = queries.filter(({ text }) => /^\s*(SELECT|WITH)\b/i.test(text) && tables.some((table) => new RegExp(`\\b${table}\\b`).test(text)));
  const summaries: PlanSummary[] = [];
  for (const { text, values } of reads) {
    const { rows } = await pg.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, COSTS OFF) ${text}`, [...values]);
    const lines = rows.map((row) => row['QUERY PLAN']);
    const executionMs = Number(/Execution Time: ([\d.]+) ms/.exec(lines.join('\n'))?.[1] ?? NaN);
    const scans = [...new Set(lines.flatMap((line) => SCAN.exec(line)?.[1] ?? []))];
    summaries.push({ executionMs, scans });
  }
  return summaries;
}
