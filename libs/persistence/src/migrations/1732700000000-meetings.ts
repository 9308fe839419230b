import { MigrationInterface, QueryRunner } from 'typeorm';

/** X meetings with their agendas, each year's deadline and reminder settings, and deadlines in the read model. */
export class Meetings1732700000000 implements MigrationInterface {
  name = 'Meetings1732700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE fiscal_years ADD COLUMN calendar_settings jsonb`);
    await queryRunner.query(`
      CREATE TABLE meetings (
        fiscal_year int NOT NULL REFERENCES fiscal_years (fiscal_year) ON DELETE CASCADE,
        id text NOT NULL,
        name text NOT NULL,
        date jsonb NOT NULL,
        earliest_day date NOT NULL,
        agenda jsonb NOT NULL DEFAULT '[]'::jsonb,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fiscal_year, id)
      )`);
    await queryRunner.query(`ALTER TABLE clusters ADD COLUMN deadlines jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await queryRunner.query(`ALTER TABLE owed_actions ADD COLUMN due_at timestamptz`);
    await queryRunner.query(`ALTER TABLE owed_actions ADD COLUMN provisional boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE INDEX owed_actions_due_idx ON owed_actions (due_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX owed_actions_due_idx`);
    await queryRunner.query(`ALTER TABLE owed_actions DROP COLUMN provisional`);
    await queryRunner.query(`ALTER TABLE owed_actions DROP COLUMN due_at`);
    await queryRunner.query(`ALTER TABLE clusters DROP COLUMN deadlines`);
    await queryRunner.query(`DROP TABLE meetings`);
    await queryRunner.query(`ALTER TABLE fiscal_years DROP COLUMN calendar_settings`);
  }
}
