import { MigrationInterface, QueryRunner } from 'typeorm';

/** The lifecycle's read model (case snapshots, what each person owes, report texts) and idempotent requests. */
export class LifecycleReadModel1732500000000 implements MigrationInterface {
  name = 'LifecycleReadModel1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE fiscal_years ADD COLUMN lifecycle_settings jsonb`);
    await queryRunner.query(`ALTER TABLE clusters ADD COLUMN case_state jsonb`);
    await queryRunner.query(`ALTER TABLE audit_events ADD COLUMN report_kind text`);
    await queryRunner.query(`
      CREATE TABLE owed_actions (
        fiscal_year int NOT NULL,
        cluster_no int NOT NULL,
        report_kind text NOT NULL,
        report_label text NOT NULL,
        action text NOT NULL,
        role text NOT NULL,
        bureau_code text,
        assignee_id uuid,
        assignee_name text,
        excluded_user_ids uuid[] NOT NULL DEFAULT '{}',
        step_label text,
        since timestamptz NOT NULL,
        PRIMARY KEY (fiscal_year, cluster_no, report_kind),
        FOREIGN KEY (fiscal_year, cluster_no) REFERENCES clusters (fiscal_year, no) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX owed_actions_owner_idx ON owed_actions (role, bureau_code)`);
    await queryRunner.query(`CREATE INDEX owed_actions_assignee_idx ON owed_actions (assignee_id) WHERE assignee_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE report_versions (
        fiscal_year int NOT NULL,
        cluster_no int NOT NULL,
        report_kind text NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        title text NOT NULL,
        body text NOT NULL,
        saved_by_id uuid,
        saved_by_name text NOT NULL,
        saved_at timestamptz NOT NULL,
        PRIMARY KEY (fiscal_year, cluster_no, report_kind, version),
        FOREIGN KEY (fiscal_year, cluster_no) REFERENCES clusters (fiscal_year, no) ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE idempotent_requests (
        user_id uuid NOT NULL,
        idempotency_key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        status_code int,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, idempotency_key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotent_requests`);
    await queryRunner.query(`DROP TABLE report_versions`);
    await queryRunner.query(`DROP TABLE owed_actions`);
    await queryRunner.query(`ALTER TABLE audit_events DROP COLUMN report_kind`);
    await queryRunner.query(`ALTER TABLE clusters DROP COLUMN case_state`);
    await queryRunner.query(`ALTER TABLE fiscal_years DROP COLUMN lifecycle_settings`);
  }
}
