import { queryRows, SqlExecutor } from './typed-query';

export interface PageRequest {
  readonly page: number;
  readonly pageSize: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** One page of a listing already in memory, in its order. */
export function pageOfList<T>(items: readonly T[], page: PageRequest): Page<T> {
  return { items: items.slice((page.page - 1) * page.pageSize, page.page * page.pageSize), total: items.length, page: page.page, pageSize: page.pageSize };
}

/** A listing as two statements over the same parameters: its size, and its rows in order. */
export interface PagedQuery {
  /** Counts every row of the listing as `total`: `SELECT count(*)::int AS total …`. */
  readonly count: string;
  /** Selects the listing's rows in a stable order, without LIMIT or OFFSET. */
  readonly rows: string;
  readonly params?: readonly unknown[];
}

/** The statement for one page of `rows`: LIMIT and OFFSET are bound as the two parameters after `params`. */
export function pageStatement(rows: string, params: readonly unknown[], page: PageRequest): { readonly sql: string; readonly params: unknown[] } {
  if (!isPositiveInteger(page.page) || !isPositiveInteger(page.pageSize)) {
    throw new RangeError(`page ${page.page} of size ${page.pageSize}: both must be whole numbers from 1`);
  }
  return {
    sql: `${rows} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    params: [...params, page.pageSize, (page.page - 1) * page.pageSize],
  };
}

/** Counts the listing and reads one page of it, each row made an item by `toItem`. */
export async function queryPage<Row, Item>(executor: SqlExecutor, query: PagedQuery, page: PageRequest, toItem: (row: Row) => Item): Promise<Page<Item>> {
  const params = query.params ?? [];
  const [{ total }] = await queryRows<{ total: number }>(executor, query.count, params);
  const statement = pageStatement(query.rows, params, page);
  const rows = await queryRows<Row>(executor, statement.sql, statement.params);
  return { items: rows.map(toItem), total, page: page.page, pageSize: page.pageSize };
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value >= 1;
}
