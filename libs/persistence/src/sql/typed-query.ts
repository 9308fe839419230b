import { DataSource, EntityManager, QueryResult } from 'typeorm';

/** Where a statement runs: the DataSource, or the EntityManager of a transaction in progress. */
export type SqlExecutor = DataSource | EntityManager;

/** What a statement gave back: the rows it selected or returned, and how many rows it touched. */
export interface StatementResult<Row> {
  readonly rows: Row[];
  readonly affected: number;
}

/**
 * Runs one statement. `Row` declares the columns the SQL selects or returns, next to the SQL; this
 * is the one place where the driver's untyped rows meet that declaration. The answer has the same
 * shape for every statement, where TypeORM's `query()` gives UPDATE and DELETE as [rows, count].
 */
export async function execute<Row = unknown>(executor: SqlExecutor, sql: string, params: readonly unknown[] = []): Promise<StatementResult<Row>> {
  const transaction = executor instanceof EntityManager ? executor.queryRunner : undefined;
  const connection = executor instanceof EntityManager ? executor.connection : executor;
  const runner = transaction ?? connection.createQueryRunner();
  try {
    const result: QueryResult = await runner.query(sql, [...params], true);
    return { rows: result.records, affected: result.affected ?? 0 };
  } finally {
    if (runner !== transaction) await runner.release();
  }
}

/** The rows of one statement, typed as the columns it selects or returns. */
export async function queryRows<Row>(executor: SqlExecutor, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  return (await execute<Row>(executor, sql, params)).rows;
}

/** The first row of one statement, or null when it gave none. */
export async function queryFirst<Row>(executor: SqlExecutor, sql: string, params: readonly unknown[] = []): Promise<Row | null> {
  const [first] = await queryRows<Row>(executor, sql, params);
  return first ?? null;
}
