import { MigrationInterface, QueryRunner } from 'typeorm';

/** A bureau is chosen by its name in every list and form: two of one name could not be told apart. */
export class BureauNamesUnique1733700000000 implements MigrationInterface {
  name = 'BureauNamesUnique1733700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNIQUE INDEX bureaus_name_key ON bureaus (name)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX bureaus_name_key`);
  }
}
