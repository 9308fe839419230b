import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1732400000000 implements MigrationInterface {
  name = 'InitialSchema1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE fiscal_years (
        fiscal_year int PRIMARY KEY,
        label text NOT NULL,
        copied_from int REFERENCES fiscal_years (fiscal_year),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE cluster_groups (
        fiscal_year int NOT NULL REFERENCES fiscal_years (fiscal_year) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        reform text NOT NULL,
        description text,
        sort_order int NOT NULL,
        PRIMARY KEY (fiscal_year, code)
      )`);
    await queryRunner.query(`
      CREATE TABLE cluster_kinds (
        fiscal_year int NOT NULL,
        code text NOT NULL,
        group_code text NOT NULL,
        name text NOT NULL,
        description text NOT NULL,
        sort_order int NOT NULL,
        PRIMARY KEY (fiscal_year, code),
        FOREIGN KEY (fiscal_year, group_code) REFERENCES cluster_groups (fiscal_year, code) ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE bureaus (
        code text PRIMARY KEY,
        name text NOT NULL,
        is_demo boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(`
      CREATE TABLE clusters (
        fiscal_year int NOT NULL,
        no int NOT NULL CHECK (no >= 1),
        name text NOT NULL,
        group_code text NOT NULL,
        kind_code text,
        sort_order int NOT NULL,
        analysed_this_year boolean NOT NULL DEFAULT false,
        owning_bureau_code text REFERENCES bureaus (code),
        stage text NOT NULL DEFAULT 'NOT_STARTED',
        stage_changed_at timestamptz,
        last_event_seq int NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fiscal_year, no),
        FOREIGN KEY (fiscal_year, group_code) REFERENCES cluster_groups (fiscal_year, code),
        FOREIGN KEY (fiscal_year, kind_code) REFERENCES cluster_kinds (fiscal_year, code)
      )`);
    await queryRunner.query(`CREATE INDEX clusters_filter_idx ON clusters (fiscal_year, group_code, kind_code, stage)`);
    await queryRunner.query(`CREATE INDEX clusters_bureau_idx ON clusters (fiscal_year, owning_bureau_code)`);
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        roles text[] NOT NULL,
        bureau_code text REFERENCES bureaus (code),
        is_demo boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        occurred_at timestamptz NOT NULL,
        fiscal_year int,
        cluster_no int,
        actor_id uuid,
        actor_name text NOT NULL,
        action text NOT NULL,
        from_state text,
        to_state text,
        comment text,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(`CREATE INDEX audit_events_cluster_idx ON audit_events (fiscal_year, cluster_no, id)`);
    // The audit trail is append-only by rule of the database, not only by convention of the code.
    await queryRunner.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only`);
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TABLE clusters`);
    await queryRunner.query(`DROP TABLE bureaus`);
    await queryRunner.query(`DROP TABLE cluster_kinds`);
    await queryRunner.query(`DROP TABLE cluster_groups`);
    await queryRunner.query(`DROP TABLE fiscal_years`);
  }
}
