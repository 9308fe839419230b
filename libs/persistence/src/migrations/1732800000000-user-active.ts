import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users can be deactivated (staff who leave the city) instead of deleted, so the audit trail keeps
 * naming them: a deactivated user cannot log in, their tokens are refused, and notifications skip them.
 */
export class UserActive1732800000000 implements MigrationInterface {
  name = 'UserActive1732800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN active`);
  }
}
