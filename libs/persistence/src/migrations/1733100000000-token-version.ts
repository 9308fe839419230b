import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter every access token carries: raising it (a new password, changed roles or bureau,
 * deactivation, logout) makes every token issued before it invalid at once, on every API process.
 */
export class TokenVersion1733100000000 implements MigrationInterface {
  name = 'TokenVersion1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}
