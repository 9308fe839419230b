import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Platinum project, its proposals and the bureaus' X policies: each instance is a workflow whose
 * state (no texts in it) the read model keeps in one row, its documents' versions beside it with
 * their texts copied in by hash, and its acts in the one audit trail under a subject of its own.
 */
export class Processes1733500000000 implements MigrationInterface {
  name = 'Processes1733500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_events ADD COLUMN subject text`);
    await queryRunner.query(`CREATE INDEX audit_events_subject_idx ON audit_events (subject, id) WHERE subject IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE process_instances (
        kind text NOT NULL,
        fiscal_year int NOT NULL REFERENCES fiscal_years (fiscal_year) ON DELETE CASCADE,
        key text NOT NULL,
        process_id text NOT NULL,
        phase text NOT NULL,
        bureau_code text,
        state jsonb NOT NULL,
        last_event_seq int NOT NULL,
        started_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (kind, fiscal_year, key)
      )`);
    await queryRunner.query(`CREATE INDEX process_instances_listing_idx ON process_instances (kind, fiscal_year, phase, bureau_code)`);
    await queryRunner.query(`
      CREATE TABLE process_document_versions (
        kind text NOT NULL,
        fiscal_year int NOT NULL,
        key text NOT NULL,
        document text NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        title text NOT NULL,
        empty boolean NOT NULL,
        body text NOT NULL,
        saved_by_id uuid,
        saved_by_name text NOT NULL,
        saved_at timestamptz NOT NULL,
        PRIMARY KEY (kind, fiscal_year, key, document, version),
        FOREIGN KEY (kind, fiscal_year, key) REFERENCES process_instances (kind, fiscal_year, key) ON DELETE CASCADE
      )`);
    await queryRunner.query(`ALTER TABLE projection_failures ALTER COLUMN cluster_no DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE projection_failures ADD COLUMN subject text`);
    await queryRunner.query(`ALTER TABLE fiscal_years ADD COLUMN x_policy_settings jsonb`);
    await queryRunner.query(`ALTER TABLE fiscal_years ADD COLUMN platinum_settings jsonb`);
    // Proposals are numbered 1, 2, … within their year, handed out one at a time.
    await queryRunner.query(`ALTER TABLE fiscal_years ADD COLUMN platinum_proposals_numbered int NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE fiscal_years DROP COLUMN platinum_proposals_numbered`);
    await queryRunner.query(`ALTER TABLE fiscal_years DROP COLUMN platinum_settings`);
    await queryRunner.query(`ALTER TABLE fiscal_years DROP COLUMN x_policy_settings`);
    await queryRunner.query(`ALTER TABLE projection_failures DROP COLUMN subject`);
    await queryRunner.query(`DELETE FROM projection_failures WHERE cluster_no IS NULL`);
    await queryRunner.query(`ALTER TABLE projection_failures ALTER COLUMN cluster_no SET NOT NULL`);
    await queryRunner.query(`DROP TABLE process_document_versions`);
    await queryRunner.query(`DROP TABLE process_instances`);
    await queryRunner.query(`DROP INDEX audit_events_subject_idx`);
    await queryRunner.query(`ALTER TABLE audit_events DROP COLUMN subject`);
  }
}
