import { DataSource } from 'typeorm';
import { queryFirst } from '../sql/typed-query';

/** Numbers the Platinum proposals of a year 1, 2, …: each number is handed out once, also to requests racing each other. */
export class ProposalNumberRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The next number of the year, or null when the year does not exist. */
  async next(fiscalYear: number): Promise<number | null> {
    const row = await queryFirst<{ numbered: number }>(
      this.dataSource,
      `UPDATE fiscal_years SET platinum_proposals_numbered = platinum_proposals_numbered + 1 WHERE fiscal_year = $1 RETURNING platinum_proposals_numbered AS numbered`,
      [fiscalYear],
    );
    return row?.numbered ?? null;
  }
}
