import { ClusterStage, Deadline, overdueFrom, ReportState } from '@app/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The catalogue's tables whose order a cluster's row copies, and the trigger that keeps the copy. */
const REORDERED = [
  { table: 'cluster_groups', column: 'group', trigger: 'cluster_groups_reordered' },
  { table: 'cluster_kinds', column: 'kind', trigger: 'cluster_kinds_reordered' },
] as const;

/**
 * What the board's reads need to stay fast at ten thousand clusters a year. Each cluster carries its
 * group's and kind's place, so a page in board order is read off an index instead of sorting the year;
 * a trigger keeps them right whoever writes the row or reorders a group or kind. And each kicked-off
 * cluster carries the time it becomes 期限超過 (the domain's overdueFrom, written by the projection),
 * so the 期限超過 filter is a query instead of judging the whole year in the API.
 */
export class BoardOrderAndOverdue1733600000000 implements MigrationInterface {
  name = 'BoardOrderAndOverdue1733600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE clusters ADD COLUMN group_sort_order int, ADD COLUMN kind_sort_order int, ADD COLUMN overdue_from timestamptz`);
    await queryRunner.query(`
      CREATE FUNCTION clusters_board_place() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.group_sort_order := (SELECT sort_order FROM cluster_groups WHERE fiscal_year = NEW.fiscal_year AND code = NEW.group_code);
        NEW.kind_sort_order := (SELECT sort_order FROM cluster_kinds WHERE fiscal_year = NEW.fiscal_year AND code = NEW.kind_code);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER clusters_board_place BEFORE INSERT OR UPDATE OF fiscal_year, group_code, kind_code ON clusters
      FOR EACH ROW EXECUTE FUNCTION clusters_board_place()`);
    // A group or kind moved on the board moves its clusters with it.
    for (const { table, column, trigger } of REORDERED) {
      await queryRunner.query(`
        CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE clusters SET ${column}_sort_order = NEW.sort_order WHERE fiscal_year = NEW.fiscal_year AND ${column}_code = NEW.code;
          RETURN NULL;
        END $$`);
      await queryRunner.query(`CREATE TRIGGER ${trigger} AFTER UPDATE OF sort_order ON ${table} FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
    }
    await queryRunner.query(`UPDATE clusters SET group_code = group_code`);
    await queryRunner.query(`CREATE INDEX clusters_board_order_idx ON clusters (fiscal_year, group_sort_order, kind_sort_order NULLS FIRST, sort_order, no)`);
    await queryRunner.query(
      `CREATE INDEX clusters_bureau_board_order_idx ON clusters (fiscal_year, owning_bureau_code, group_sort_order, kind_sort_order NULLS FIRST, sort_order, no)`,
    );
    await queryRunner.query(`CREATE INDEX clusters_overdue_from_idx ON clusters (fiscal_year, overdue_from) WHERE overdue_from IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX clusters_stage_analysed_idx ON clusters (fiscal_year, stage, analysed_this_year)`);
    // The progress view counts by bureau and stage off this index alone; it serves the bureau filter as the one it replaces did.
    await queryRunner.query(`CREATE INDEX clusters_bureau_stage_idx ON clusters (fiscal_year, owning_bureau_code, stage)`);
    await queryRunner.query(`DROP INDEX clusters_bureau_idx`);

    const started: { fiscal_year: number; no: number; stage: ClusterStage; analysed_this_year: boolean; deadlines: Deadline[] | null; reports: ReportState[] | null }[] =
      await queryRunner.query(
        `SELECT fiscal_year, no, stage, analysed_this_year, deadlines, case_state -> 'reports' AS reports FROM clusters WHERE stage <> $1`,
        [ClusterStage.NotStarted],
      );
    for (const row of started) {
      const situation = { no: row.no, stage: row.stage, analysedThisYear: row.analysed_this_year, plannedDeadlines: row.deadlines ?? [], reports: row.reports ?? [] };
      await queryRunner.query(`UPDATE clusters SET overdue_from = $3 WHERE fiscal_year = $1 AND no = $2`, [
        row.fiscal_year,
        row.no,
        overdueFrom(situation, { meetings: [], settings: null }),
      ]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX clusters_bureau_idx ON clusters (fiscal_year, owning_bureau_code)`);
    for (const { table, trigger } of REORDERED) {
      await queryRunner.query(`DROP TRIGGER ${trigger} ON ${table}`);
      await queryRunner.query(`DROP FUNCTION ${trigger}()`);
    }
    await queryRunner.query(`DROP TRIGGER clusters_board_place ON clusters`);
    await queryRunner.query(`DROP FUNCTION clusters_board_place()`);
    await queryRunner.query(`ALTER TABLE clusters DROP COLUMN group_sort_order, DROP COLUMN kind_sort_order, DROP COLUMN overdue_from`);
    await queryRunner.query(`DROP INDEX clusters_stage_analysed_idx, clusters_bureau_stage_idx`);
  }
}
