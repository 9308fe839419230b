import { createHash } from 'node:crypto';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** Where a statement runs: the DataSource, or the EntityManager of a transaction in progress. */
export type SqlExecutor = DataSource | EntityManager;

/** What a statement gave back: the rows it selected or returned, and how many rows it touched. */
export interface StatementResult<Row> {
  readonly rows: Row[];
  readonly affected: number;
}

/** The part of the `pg` client a statement needs: TypeORM's query runner hands it out as its connection. */
interface DriverConnection {
  query(statement: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/**
 * Runs one statement. `Row` declares the columns the SQL selects or returns, next to the SQL; this
 * is the one place where the driver's untyped rows meet that declaration. The answer has the same
 * shape for every statement, where TypeORM's `query()` gives UPDATE and DELETE as [rows, count].
 *
 * A statement with parameters is prepared once per connection under a name taken from its text:
 * PostgreSQL then parses and analyses it once, not on every call (it still plans each call for its
 * values until a generic plan proves as good). Failures are TypeORM's `QueryFailedError`, as from its
 * own `query()`, so callers read the SQLSTATE the same way.
 */
export async function execute<Row = unknown>(executor: SqlExecutor, sql: string, params: readonly unknown[] = []): Promise<StatementResult<Row>> {
  const transaction = executor instanceof EntityManager ? executor.queryRunner : undefined;
  const connection = executor instanceof EntityManager ? executor.connection : executor;
  const runner = transaction ?? connection.createQueryRunner();
  try {
    const driver = (await runner.connect()) as DriverConnection;
    const values = [...params];
    // Without parameters pg uses the simple protocol, which also takes several statements in one text.
    const result = await driver.query({ ...(values.length > 0 ? { name: statementName(sql) } : {}), text: sql, values }).catch((error: unknown) => {
      throw new QueryFailedError(sql, values, error instanceof Error ? error : new Error(String(error)));
    });
    return { rows: result.rows as Row[], affected: result.rowCount ?? 0 };
  } finally {
    if (runner !== transaction) await runner.release();
  }
}

const statementNames = new Map<string, string>();

/** The same text always gets the same name, and two texts never share one. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `s${createHash('sha256').update(sql).digest('base64url').slice(0, 40)}`;
    statementNames.set(sql, name);
  }
  return name;
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
