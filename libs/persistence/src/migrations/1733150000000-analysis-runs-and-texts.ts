import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report texts leave workflow history: the API stores each text once under its sha256 and the
 * workflow carries the hash. Each cluster row remembers which analysis (workflow chain) it projects,
 * so the events of another analysis of the same cluster are refused rather than silently dropped; a
 * kickoff is claimed in the row, so two requests cannot both start one. Events the read model could
 * not take are kept where admins see them. Stored cases drop their list of versions (the
 * report_versions table has them): the case stays small however often a draft is saved.
 */
export class AnalysisRunsAndTexts1733150000000 implements MigrationInterface {
  name = 'AnalysisRunsAndTexts1733150000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report_texts (
        hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
        body text NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Whether a version is empty is read with the list of versions, which leaves the bodies unread.
    await queryRunner.query(`ALTER TABLE report_versions ADD COLUMN empty boolean`);
    await queryRunner.query(`UPDATE report_versions SET empty = (btrim(body, E' \\t\\r\\n\\u3000') = '')`);
    await queryRunner.query(`ALTER TABLE report_versions ALTER COLUMN empty SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE clusters ADD COLUMN analysis_id text`);
    await queryRunner.query(`ALTER TABLE clusters ADD COLUMN kickoff_claimed_at timestamptz`);
    await queryRunner.query(`
      CREATE TABLE projection_failures (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        fiscal_year int NOT NULL,
        cluster_no int NOT NULL,
        seq int NOT NULL,
        action text NOT NULL,
        problem text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      UPDATE clusters SET case_state = jsonb_set(case_state, '{reports}', (
        SELECT coalesce(jsonb_agg(
          (report - 'versions') || jsonb_build_object(
            'latestVersion', coalesce(report->'versions'->-1, 'null'::jsonb),
            'authorIds', coalesce((
              SELECT jsonb_agg(DISTINCT saved->'savedBy'->'id') FROM jsonb_array_elements(report->'versions') saved
              WHERE jsonb_typeof(saved->'savedBy'->'id') = 'string'), '[]'::jsonb))
          ORDER BY position), '[]'::jsonb)
        FROM jsonb_array_elements(case_state->'reports') WITH ORDINALITY AS reports(report, position)))
      WHERE case_state IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE projection_failures`);
    await queryRunner.query(`ALTER TABLE clusters DROP COLUMN kickoff_claimed_at`);
    await queryRunner.query(`ALTER TABLE clusters DROP COLUMN analysis_id`);
    await queryRunner.query(`ALTER TABLE report_versions DROP COLUMN empty`);
    await queryRunner.query(`DROP TABLE report_texts`);
  }
}
