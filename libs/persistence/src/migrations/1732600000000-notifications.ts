import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: each person's inbox, and the record of every e-mail and webhook call made, so that a
 * retried delivery sends only what has not gone out yet. Users get an optional e-mail address.
 */
export class Notifications1732600000000 implements MigrationInterface {
  name = 'Notifications1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN email text`);
    // id is `${notification_key}/${user_id}`: the same notification reaches the same person once.
    await queryRunner.query(`
      CREATE TABLE notifications (
        id text PRIMARY KEY,
        notification_key text NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        link text,
        fiscal_year int,
        cluster_no int,
        report_kind text,
        due_at timestamptz,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        CHECK (id = notification_key || '/' || user_id::text)
      )`);
    await queryRunner.query(`CREATE INDEX notifications_inbox_idx ON notifications (user_id, read_at, created_at)`);
    // One row per e-mail (recipient = the user's id) or webhook call (recipient = the endpoint) of a
    // notification; delivered_at is set only after the server accepted it.
    await queryRunner.query(`
      CREATE TABLE notification_deliveries (
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        notification_key text NOT NULL,
        recipient text NOT NULL,
        destination text NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        PRIMARY KEY (channel, notification_key, recipient)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification_deliveries`);
    await queryRunner.query(`DROP TABLE notifications`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN email`);
  }
}
