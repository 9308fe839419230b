import { BenchContext, CLUSTER_COUNT, SEED_YEAR } from './context';
import { OFFICE } from './organisation';

/**
 * A past year filled to the size the read model and the board must still handle: its flagged clusters
 * are 期限超過 for their kickoff, so the overdue filter has the whole year to judge.
 */
export const LARGE_YEAR = { fiscalYear: 2019, clusters: 10_000 } as const;

/** Which clusters of a generated year are flagged for this year's analysis. */
export type Flagged = 'all' | 'every-tenth-generated';

/**
 * A fiscal year of the bench's own: FY2024 copied through the API (its settings, calendar and the
 * bench's owning bureaus), then numbered clusters up to `clusterCount`, each modelled on one of the
 * 57 in turn so the groups, kinds and bureaus spread as the real ones do.
 */
export async function generateYear(context: BenchContext, fiscalYear: number, clusterCount: number, flagged: Flagged): Promise<void> {
  await context.api.call('POST', '/fiscal-years', { token: context.user(OFFICE).token, body: { fiscalYear, copyFrom: SEED_YEAR }, expect: 201 });
  await context.pg.query(
    `INSERT INTO clusters (fiscal_year, no, name, group_code, kind_code, sort_order, owning_bureau_code, analysed_this_year)
     SELECT $1, n, '生成事業群 ' || n, template.group_code, template.kind_code, n, template.owning_bureau_code, n % 10 = 0
     FROM generate_series($3::int + 1, $2::int) AS n
     CROSS JOIN LATERAL (SELECT group_code, kind_code, owning_bureau_code FROM clusters WHERE fiscal_year = $1 ORDER BY no OFFSET (n % $3::int) LIMIT 1) AS template`,
    [fiscalYear, clusterCount, CLUSTER_COUNT],
  );
  if (flagged === 'all') await context.pg.query(`UPDATE clusters SET analysed_this_year = true WHERE fiscal_year = $1`, [fiscalYear]);
  // As after any bulk load: the planner's statistics and the visibility map are brought up to date now, not when autovacuum next comes round.
  await context.pg.query(`VACUUM (ANALYZE) clusters`);
}
