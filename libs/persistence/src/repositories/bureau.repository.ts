import { refused } from '@app/domain';
import { DataSource } from 'typeorm';
import { Page, PageRequest } from './catalogue.repository';

export interface BureauRow {
  readonly code: string;
  readonly name: string;
  readonly isDemo: boolean;
}

/** The bureaus (局・室・区) users belong to and clusters are owned by. */
export class BureauRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Refuses with `bureau.exists` when the code is taken. */
  async create(bureau: { readonly code: string; readonly name: string }): Promise<BureauRow> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `INSERT INTO bureaus (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING RETURNING code, name, is_demo`,
      [bureau.code, bureau.name],
    );
    if (rows.length === 0) throw refused('bureau.exists', `局コード「${bureau.code}」は既に登録されています`);
    return toBureauRow(rows[0]);
  }

  /** Ordered by code in byte order ("C"), so the order does not depend on the database's locale. */
  async list(page: PageRequest): Promise<Page<BureauRow>> {
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM bureaus`);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT code, name, is_demo FROM bureaus ORDER BY code COLLATE "C" LIMIT $1 OFFSET $2`,
      [page.pageSize, (page.page - 1) * page.pageSize],
    );
    return { items: rows.map(toBureauRow), total: Number(total), page: page.page, pageSize: page.pageSize };
  }

  async findByCode(code: string): Promise<BureauRow | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(`SELECT code, name, is_demo FROM bureaus WHERE code = $1`, [code]);
    return rows.length > 0 ? toBureauRow(rows[0]) : null;
  }
}

function toBureauRow(row: Record<string, unknown>): BureauRow {
  return { code: String(row.code), name: String(row.name), isDemo: Boolean(row.is_demo) };
}
