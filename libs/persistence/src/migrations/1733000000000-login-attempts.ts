import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consecutive failed logins per username as typed (known or not), and until when it is locked, so
 * that guessing passwords slows down for every API process alike.
 */
export class LoginAttempts1733000000000 implements MigrationInterface {
  name = 'LoginAttempts1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE login_attempts (
        username text PRIMARY KEY,
        consecutive_failures integer NOT NULL,
        locked_until timestamptz,
        last_failure_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE login_attempts`);
  }
}
