import { refused } from '@app/domain';
import { DataSource } from 'typeorm';
import { Page, PageRequest, queryPage } from '../sql/paging';
import { queryFirst, queryRows } from '../sql/typed-query';

export interface BureauRow {
  readonly code: string;
  readonly name: string;
  readonly isDemo: boolean;
}

interface BureauRecord {
  readonly code: string;
  readonly name: string;
  readonly is_demo: boolean;
}

/** The bureaus (局・室・区) users belong to and clusters are owned by. */
export class BureauRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Refuses with `bureau.exists` when the code or the name is taken, saying which. */
  async create(bureau: { readonly code: string; readonly name: string }): Promise<BureauRow> {
    const rows = await queryRows<BureauRecord>(
      this.dataSource,
      `INSERT INTO bureaus (code, name) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING code, name, is_demo`,
      [bureau.code, bureau.name],
    );
    if (rows.length > 0) return toBureauRow(rows[0]);
    const taken = await queryFirst<BureauRecord>(this.dataSource, `SELECT code, name, is_demo FROM bureaus WHERE code = $1 OR name = $2 ORDER BY code = $1 DESC LIMIT 1`, [
      bureau.code,
      bureau.name,
    ]);
    if (taken && taken.code !== bureau.code) throw refused('bureau.exists', `局名「${bureau.name}」は既に局コード「${taken.code}」で登録されています`);
    throw refused('bureau.exists', `局コード「${bureau.code}」は既に登録されています`);
  }

  /** Ordered by code in byte order ("C"), so the order does not depend on the database's locale. */
  list(page: PageRequest): Promise<Page<BureauRow>> {
    return queryPage(
      this.dataSource,
      { count: `SELECT count(*)::int AS total FROM bureaus`, rows: `SELECT code, name, is_demo FROM bureaus ORDER BY code COLLATE "C"` },
      page,
      toBureauRow,
    );
  }

  async findByCode(code: string): Promise<BureauRow | null> {
    const row = await queryFirst<BureauRecord>(this.dataSource, `SELECT code, name, is_demo FROM bureaus WHERE code = $1`, [code]);
    return row ? toBureauRow(row) : null;
  }
}

function toBureauRow(row: BureauRecord): BureauRow {
  return { code: row.code, name: row.name, isDemo: row.is_demo };
}
