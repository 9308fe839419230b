import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail of user administration: who created, changed, (de)activated a user or reset their
 * password, when, and what changed (never a password or hash). Written in the transaction of the
 * change itself; no foreign key, so the trail outlives whatever becomes of the account.
 */
export class UserAdminEvents1733300000000 implements MigrationInterface {
  name = 'UserAdminEvents1733300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_admin_events (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid,
        actor_name text NOT NULL,
        user_id uuid NOT NULL,
        username text NOT NULL,
        action text NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX user_admin_events_by_user ON user_admin_events (user_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE user_admin_events`);
  }
}
