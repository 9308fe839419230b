import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency claims get a lease (claimed_at, and a claim id so that only the holder answers), so a
 * request that died does not hold its key for ever. Delivery records become an outbox: each e-mail and
 * webhook call is recorded with what to send before it is sent, and ends delivered or failed. Indexes
 * let the retention rules find what has expired without scanning.
 */
export class LeasesOutboxRetention1733400000000 implements MigrationInterface {
  name = 'LeasesOutboxRetention1733400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE idempotent_requests ADD COLUMN claimed_at timestamptz`);
    await queryRunner.query(`UPDATE idempotent_requests SET claimed_at = created_at`);
    await queryRunner.query(`ALTER TABLE idempotent_requests ALTER COLUMN claimed_at SET NOT NULL, ALTER COLUMN claimed_at SET DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE idempotent_requests ADD COLUMN claim_id uuid`);
    await queryRunner.query(`CREATE INDEX idempotent_requests_created_idx ON idempotent_requests (created_at)`);

    await queryRunner.query(`CREATE INDEX notifications_read_idx ON notifications (read_at) WHERE read_at IS NOT NULL`);

    await queryRunner.query(`
      ALTER TABLE notification_deliveries
        ADD COLUMN status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        ADD COLUMN payload jsonb,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()`);
    // Rows from before the outbox carry nothing to send; one never delivered is shown as failed, and a
    // retry of its notification puts it back in the outbox with its payload.
    await queryRunner.query(`UPDATE notification_deliveries SET status = CASE WHEN delivered_at IS NULL THEN 'failed' ELSE 'delivered' END,
                               created_at = COALESCE(last_attempt_at, now())`);
    await queryRunner.query(`CREATE INDEX notification_deliveries_status_idx ON notification_deliveries (status, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification_deliveries_status_idx`);
    await queryRunner.query(`ALTER TABLE notification_deliveries DROP COLUMN created_at, DROP COLUMN payload, DROP COLUMN status`);
    await queryRunner.query(`DROP INDEX notifications_read_idx`);
    await queryRunner.query(`DROP INDEX idempotent_requests_created_idx`);
    await queryRunner.query(`ALTER TABLE idempotent_requests DROP COLUMN claim_id, DROP COLUMN claimed_at`);
  }
}
